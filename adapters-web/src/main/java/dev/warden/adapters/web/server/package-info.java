/** How the HTTP server itself is guarded, below the routes: the bytes of request bodies it holds at once. */
package dev.warden.adapters.web.server;
