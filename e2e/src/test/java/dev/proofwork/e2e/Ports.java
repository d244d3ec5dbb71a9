package dev.proofwork.e2e;

import java.io.IOException;
import java.net.ServerSocket;

/** Ports for the processes the end-to-end tests start, so they never meet the local run's. */
final class Ports {

    private Ports() {
    }

    static int free() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
