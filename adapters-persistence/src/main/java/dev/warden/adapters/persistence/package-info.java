/** Persistence adapter: jOOQ repositories on PostgreSQL implementing the domain's ports. */
package dev.warden.adapters.persistence;
