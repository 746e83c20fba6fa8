/** The OpenAPI document, generated from the controllers at compile time and completed with the problem responses. */
package dev.warden.adapters.web.openapi;
