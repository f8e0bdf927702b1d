package keyline.devdb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;
import org.neo4j.logging.Level;
import org.neo4j.logging.log4j.Log4jLogProvider;

/**
 * Keyline's development and test database: Neo4j Community embedded in one
 * JVM, reachable only over Bolt on a loopback port.
 *
 * <p>It exists so that developers and CI get a real Neo4j without a server
 * distribution tarball or Docker (neither can be fetched here); the jars come
 * from Maven Central. {@code scripts/devdb.sh} is the intended way to run it.
 *
 * <p>Every option can be given as {@code --name value}, as system property
 * {@code -Ddevdb.name=value} or as environment variable {@code DEVDB_NAME}
 * (first one found wins, in that order):
 * <ul>
 *   <li>{@code port} (7687): Bolt port on 127.0.0.1;</li>
 *   <li>{@code data} (devdb/data): Neo4j home, holds data/ and logs/;</li>
 *   <li>{@code auth-password} (unset): if set, auth is on and user
 *       {@code neo4j} gets this password; if unset, auth is off;</li>
 *   <li>{@code pagecache} (512m): page cache size;</li>
 *   <li>{@code tx-memory} (256m): cap on memory of all transactions.</li>
 * </ul>
 * The password is best passed by environment: arguments show up in {@code ps}.
 *
 * <p>Protocol with the launcher: exactly one line {@code DEVDB READY
 * bolt://127.0.0.1:PORT} on stdout once Bolt accepts logins with the final
 * credentials, and {@code DEVDB STOPPED} after a clean shutdown.
 */
public final class DevDb {

    private DevDb() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> cli = parseArgs(args);

        int port = Integer.parseInt(option(cli, "port", "7687").trim());
        Path home = Path.of(option(cli, "data", "devdb/data").trim()).toAbsolutePath().normalize();
        String password = option(cli, "auth-password", "");
        long pageCache = ByteUnit.parse(option(cli, "pagecache", "512m").trim());
        long txMemory = ByteUnit.parse(option(cli, "tx-memory", "256m").trim());
        boolean auth = !password.isEmpty();

        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        Files.createDirectories(home);

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                // Without a user log provider, startup errors would only land in
                // logs/debug.log; the launcher shows stdout when startup fails.
                .setUserLogProvider(new Log4jLogProvider(System.out, Level.INFO))
                .setConfig(BoltConnector.enabled, true)
                // Loopback only: this is a password-less (by default) dev database.
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                // Embedded Neo4j starts no web server, but say so explicitly in
                // case the server module ever ends up on the classpath.
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, auth)
                // Dev and test passwords are often short; the 8-char default
                // would reject them with a confusing error at startup.
                .setConfig(GraphDatabaseSettings.auth_minimum_password_length, 1)
                // Memory must stay bounded on a small (2-core) shared machine:
                // the heap is capped by -Xmx in the launcher, the page cache
                // (off-heap) and transaction state here.
                .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
                .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, txMemory)
                // Tests create and wipe data over and over; keep the
                // transaction log small and do not pre-allocate disk for it.
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "1 files")
                .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, ByteUnit.mebiBytes(32))
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                // The machines have no Internet access; the usage-data
                // reporter would only log failures (and must not phone home).
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                // Bolt waits 5 s for connections and 5 s for its thread pool
                // when stopping; tests start and stop the database often, and
                // leftover client connections at shutdown are always stale here.
                // (Internal settings: fine, since the Neo4j version is pinned.)
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(500))
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(500))
                .build();

        // Register right after build(): from here on, SIGTERM/SIGINT must
        // flush and close the store, or the next start has to run recovery.
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("DEVDB SHUTDOWN requested");
            try {
                dbms.shutdown();
                System.out.println("DEVDB STOPPED");
            } finally {
                stopped.countDown();
            }
        }, "devdb-shutdown"));

        try {
            if (auth) {
                setPassword(dbms, password);
            }
            // Fail before announcing readiness if the default database did not
            // come up (e.g. a store from an incompatible version).
            dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME)
                    .executeTransactionally("RETURN 1");
        } catch (RuntimeException e) {
            e.printStackTrace();
            System.out.println("DEVDB FAILED " + e.getMessage());
            System.exit(1);
        }

        System.out.printf(Locale.ROOT, "DEVDB READY bolt://127.0.0.1:%d (auth %s, home %s)%n",
                port, auth ? "on" : "off", home);
        System.out.flush();

        // Neo4j's own threads would keep the JVM alive anyway; waiting here
        // just makes the lifetime explicit: run until the shutdown hook ends.
        stopped.await();
    }

    /**
     * Sets the password of the built-in {@code neo4j} user on every start.
     *
     * <p>Embedded Neo4j has no {@code neo4j-admin set-initial-password}, and
     * the initial password only applies when the system database is first
     * created. Running {@code ALTER USER} through the embedded API (which is
     * not subject to auth) makes the requested password authoritative for an
     * existing data directory too, and clears the "change required" flag so
     * drivers can run queries right away.
     */
    private static void setPassword(DatabaseManagementService dbms, String password) {
        GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        try {
            system.executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
                    Map.of("password", password));
        } catch (RuntimeException e) {
            // Neo4j refuses to "change" a password to its current value; on a
            // restart with the same password that is exactly what we want.
            if (!String.valueOf(e.getMessage()).contains("Old password and new password cannot be the same")) {
                throw e;
            }
            system.executeTransactionally("ALTER USER neo4j SET PASSWORD CHANGE NOT REQUIRED");
        }
    }

    private static Map<String, String> parseArgs(String[] args) {
        Map<String, String> out = new java.util.HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + a);
            }
            String name = a.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("missing value for --" + name);
            }
            out.put(name, value);
        }
        return out;
    }

    private static String option(Map<String, String> cli, String name, String fallback) {
        String v = cli.get(name);
        if (v == null) {
            v = System.getProperty("devdb." + name);
        }
        if (v == null) {
            v = System.getenv("DEVDB_" + name.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
        // Not trimmed: a password may legitimately contain spaces.
        return v == null || v.isEmpty() ? fallback : v;
    }
}
