/** Every error leaves the API as an RFC 7807 problem: one shape for framework and business errors alike. */
package dev.warden.adapters.web.problem;
