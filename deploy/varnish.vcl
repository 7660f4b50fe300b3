# The caching proxy of compose.yaml (service `proxy`), in front of gunicorn.
#
# It keeps only what the hub marks for a shared cache: anonymous pages, sent with
# `Cache-Control: max-age=0, s-maxage=N` by hub.middleware.PageCacheMiddleware (which
# never marks a page with a form, a cookie, messages, a restriction or a preview), and
# static files. Everything else goes to the hub every time.
#
# Purging: at each change a page may show, the hub sends PURGE (Wagtail's
# wagtail.contrib.frontend_cache, FRONTEND_CACHE_PURGE_URL) to the `purge` listener,
# port 8081, which compose does not publish: only the hub's containers reach it. The
# hub drops every cached page at a change (hub/site/cache_invalidation.py); so does
# this proxy, whatever URL was purged.
vcl 4.1;

backend default {
    .host = "web";
    .port = "8000";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (local.socket != "purge") {
            return (synth(405, "Not allowed"));
        }
        ban("req.url ~ ^/");
        return (synth(200, "Purged"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Editors, logged-in readers, unlocked pages, messages waiting: never cached.
    if (req.http.Authorization || req.http.Cookie ~ "(^|;\s*)(sessionid|messages)=") {
        return (pass);
    }
    # Any other cookie (csrftoken...) changes nothing on a page the hub lets a shared
    # cache keep; the cookie still reaches the hub when the page is not cached.
    return (hash);
}

sub vcl_backend_response {
    if (bereq.url ~ "^/static/" && !beresp.http.Set-Cookie) {
        return (deliver);
    }
    if (beresp.http.Cache-Control !~ "s-maxage" || beresp.http.Set-Cookie) {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # The hub stores the page for every anonymous reader alike.
    unset beresp.http.Vary;
    return (deliver);
}
