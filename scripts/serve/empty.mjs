// "server-only" outside Next's bundles (scripts/serve/build-front.mjs): on the server it is this, an empty module.
