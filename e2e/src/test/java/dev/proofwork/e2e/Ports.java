package dev.proofwork.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** Ports for the processes the end-to-end tests start, so they never meet the local run's. */
final class Ports {

    /**
     * Below Linux's ephemeral range (32768-60999), from which outgoing connections take their local ports: a port
     * the system hands out as free there can be taken by a client's connection before the server meant to listen on
     * it starts (a service once failed to start on a management port taken that way).
     */
    private static final int FIRST = 20_000;
    private static final int LAST = 32_000;
    /** Handed out already in this run, so two processes are never given one port before either binds it. */
    private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();

    private Ports() {
    }

    static int free() throws IOException {
        for (int attempt = 0; attempt < 1_000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(FIRST, LAST);
            if (!GIVEN.add(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket(port)) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // listened on by something else: try another
            }
        }
        throw new IOException("no free port between " + FIRST + " and " + LAST);
    }
}
