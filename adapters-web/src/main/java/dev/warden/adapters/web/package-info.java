/** The operators REST API. */
package dev.warden.adapters.web;
