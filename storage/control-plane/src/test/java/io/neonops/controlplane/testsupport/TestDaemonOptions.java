package io.neonops.controlplane.testsupport;

import java.net.InetSocketAddress;
import java.nio.file.Path;

/** The command line of {@link TestDaemon}. */
record TestDaemonOptions(Path pidFile, InetSocketAddress listenHttp, boolean claim, boolean exitAtOnce) {

    static TestDaemonOptions parse(String[] args) {
        Path pidFile = null;
        InetSocketAddress listenHttp = null;
        boolean claim = true;
        boolean exitAtOnce = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--pid-file" -> pidFile = Path.of(args[++i]);
                case "--listen-http" -> listenHttp = address(args[++i]);
                case "--no-claim" -> claim = false;
                case "--exit-at-once" -> exitAtOnce = true;
                default -> throw new IllegalArgumentException("unknown test daemon argument: " + args[i]);
            }
        }
        if (!exitAtOnce && (listenHttp == null || (claim && pidFile == null))) {
            throw new IllegalArgumentException("the test daemon needs --listen-http and, unless --no-claim, --pid-file");
        }
        return new TestDaemonOptions(pidFile, listenHttp, claim, exitAtOnce);
    }

    static InetSocketAddress address(String hostAndPort) {
        int colon = hostAndPort.lastIndexOf(':');
        return new InetSocketAddress(hostAndPort.substring(0, colon), Integer.parseInt(hostAndPort.substring(colon + 1)));
    }
}
