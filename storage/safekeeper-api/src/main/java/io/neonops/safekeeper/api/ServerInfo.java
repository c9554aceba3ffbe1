package io.neonops.safekeeper.api;

import io.neonops.storage.common.PgServerVersion;

/**
 * What the safekeeper recorded about the Postgres that writes the timeline ({@code pg_info}).
 *
 * @param pgVersion  the full server_version_num (e.g. 150002); unknown (0) until a compute connects
 *                   to a timeline created without one
 * @param systemId   the Postgres system identifier; it fits a signed long until 2038
 * @param walSegSize WAL segment size in bytes
 */
public record ServerInfo(PgServerVersion pgVersion, long systemId, int walSegSize) {

    public ServerInfo {
        pgVersion = pgVersion == null ? PgServerVersion.UNKNOWN : pgVersion;
    }
}
