"""The bilingual demo site: its content as data files (``data/``), the loader that reads
them and the builder that turns them into pages. Nothing else imports this app."""
