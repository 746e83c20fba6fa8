package dev.warden.application.port.out;

import java.util.function.Supplier;

/** Outgoing port: installation-wide values Warden generates once and keeps in its database. */
public interface InstanceSettings {

    /** The stored value, or {@code generated} stored first; concurrent callers all get the one value kept. */
    String getOrCreate(String name, Supplier<String> generated);
}
