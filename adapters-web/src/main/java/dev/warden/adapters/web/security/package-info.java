/** Sign-in: password hashing (bounded), the authentication provider behind POST /login with its throttle, and the actor of a request. */
package dev.warden.adapters.web.security;
