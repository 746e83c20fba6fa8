/** Sign-in: password hashing, the authentication provider behind POST /login, and the actor of a request. */
package dev.warden.adapters.web.security;
