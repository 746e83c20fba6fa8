/** Meta's vocabulary stays here: webhook payloads become domain changes, Graph API calls serve ports. */
package dev.warden.adapters.meta;
