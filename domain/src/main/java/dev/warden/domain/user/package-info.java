/** People who sign in to Warden and the role that bounds what they may do. */
package dev.warden.domain.user;
