/** The only place framework-free use cases and domain services are instantiated and wired to their ports. */
package dev.warden.bootstrap.wiring;
