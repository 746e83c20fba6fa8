/** Quality monitoring: every observed quality score of a template, and the trend over a window. */
package dev.warden.domain.quality;
