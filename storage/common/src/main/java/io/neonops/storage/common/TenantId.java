package io.neonops.storage.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;

/** A Neon tenant id: 32 lower-case hex characters. */
public record TenantId(String hex) {

    public TenantId {
        HexId.validate("tenant id", hex);
    }

    public static TenantId of(String hex) {
        return new TenantId(hex);
    }

    public static TenantId random() {
        return new TenantId(HexId.random());
    }

    @JsonCreator
    static TenantId fromJson(JsonNode node) {
        return new TenantId(HexId.fromJson("tenant id", node));
    }

    /** The 16 bytes as unsigned integers, the form the server uses in {@code TenantConfigRequest}. */
    public int[] toByteArray() {
        return HexId.toByteArray(hex);
    }

    @JsonValue
    @Override
    public String toString() {
        return hex;
    }
}
