package dev.chatshell.irc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The IRC door's TLS contexts, from real PEM files (made here and by the {@code openssl} command
 * line, as operators make theirs) and proved by real handshakes on loopback sockets with a client
 * that trusts only the certificate in question and checks the host name.
 */
class IrcTlsTest {
  @TempDir Path directory;

  @Test
  void selfSignedIsMadeOnceThenKept() throws Exception {
    Path var = directory.resolve("var");
    SSLContext first = IrcTls.selfSigned(var, "irc.example.org");
    Path certificate = var.resolve(IrcTls.CERTIFICATE_FILE);
    Path key = var.resolve(IrcTls.KEY_FILE);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
    assertEquals(
        "rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(certificate)));
    byte[] certificateBytes = Files.readAllBytes(certificate);
    byte[] keyBytes = Files.readAllBytes(key);

    SSLContext second = IrcTls.selfSigned(var, "irc.example.org");
    assertEquals(IrcTls.fingerprint(first), IrcTls.fingerprint(second));
    assertArrayEquals(certificateBytes, Files.readAllBytes(certificate));
    assertArrayEquals(keyBytes, Files.readAllBytes(key));
    try (var files = Files.list(var)) {
      // no temporary file left behind
      assertEquals(
          List.of(IrcTls.CERTIFICATE_FILE, IrcTls.KEY_FILE),
          files.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void selfSignedCertificateNamesTheHostAndLocalhostForTenYears() throws Exception {
    SSLContext context = IrcTls.selfSigned(directory, "irc.example.org");
    X509Certificate certificate = readCertificate(directory.resolve(IrcTls.CERTIFICATE_FILE));
    assertEquals(IrcTls.fingerprint(context), IrcTls.fingerprint(certificate));
    assertEquals("EC", certificate.getPublicKey().getAlgorithm());
    assertEquals(3, certificate.getVersion());
    assertEquals(-1, certificate.getBasicConstraints(), "not a CA");
    List<String> names = new ArrayList<>();
    for (List<?> name : certificate.getSubjectAlternativeNames()) {
      assertEquals(2, name.get(0), "a DNS name");
      names.add((String) name.get(1));
    }
    assertEquals(List.of("irc.example.org", "localhost"), names);
    Duration validity =
        Duration.between(
            certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant());
    assertTrue(validity.toDays() >= 3652 && validity.toDays() <= 3654, validity.toString());
    assertTrue(certificate.getNotBefore().toInstant().isBefore(Instant.now()));
  }

  @Test
  void selfSignedHandshakesWithAClientThatTrustsIt() throws Exception {
    SSLContext context = IrcTls.selfSigned(directory, "irc.example.org");
    X509Certificate certificate = readCertificate(directory.resolve(IrcTls.CERTIFICATE_FILE));

    Exchange exchange = exchange(context, certificate);

    assertEquals("echo NICK alice", exchange.reply());
    assertEquals(IrcTls.fingerprint(context), IrcTls.fingerprint(exchange.peer().getFirst()));
    assertEquals("TLSv1.3", exchange.protocol());
  }

  @Test
  void serverAcceptsTls12And13Only() throws Exception {
    SSLContext context = IrcTls.selfSigned(directory, "localhost");
    try (SSLServerSocket server =
        (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0)) {
      assertEquals(List.of("TLSv1.3", "TLSv1.2"), List.of(server.getEnabledProtocols()));
    }
    X509Certificate certificate = readCertificate(directory.resolve(IrcTls.CERTIFICATE_FILE));
    assertEquals("TLSv1.2", exchange(context, certificate, "TLSv1.2").protocol());
  }

  @Test
  void halfAPairIsMadeAnew() throws Exception {
    String before = IrcTls.fingerprint(IrcTls.selfSigned(directory, "localhost"));
    Files.delete(directory.resolve(IrcTls.CERTIFICATE_FILE));

    SSLContext context = IrcTls.selfSigned(directory, "localhost");

    assertNotEquals(before, IrcTls.fingerprint(context));
    X509Certificate certificate = readCertificate(directory.resolve(IrcTls.CERTIFICATE_FILE));
    assertEquals("echo NICK alice", exchange(context, certificate).reply());
  }

  @Test
  void aKeyOthersCanReadIsMadePrivateAgain() throws Exception {
    IrcTls.selfSigned(directory, "localhost");
    Path key = directory.resolve(IrcTls.KEY_FILE);
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));

    IrcTls.selfSigned(directory, "localhost");

    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
  }

  @Test
  void fingerprintIsTheOneOpensslShows() throws Exception {
    assumeTrue(opensslPresent(), "openssl is not installed");
    SSLContext context = IrcTls.selfSigned(directory, "localhost");
    String shown =
        openssl(
            "x509",
            "-noout",
            "-fingerprint",
            "-sha256",
            "-in",
            directory.resolve(IrcTls.CERTIFICATE_FILE).toString());
    assertEquals("sha256 Fingerprint=" + IrcTls.fingerprint(context), shown.strip());
  }

  @Test
  void opensslRsaKeyLoadsAsPkcs8AndAsPkcs1() throws Exception {
    assumeTrue(opensslPresent(), "openssl is not installed");
    Path certificate = directory.resolve("cert.pem");
    Path pkcs8 = directory.resolve("key.pem");
    selfSignedByOpenssl(certificate, pkcs8, "rsa:2048");
    Path pkcs1 = directory.resolve("rsa.pem");
    openssl("rsa", "-in", pkcs8.toString(), "-traditional", "-out", pkcs1.toString());
    assertTrue(Files.readString(pkcs8).startsWith("-----BEGIN PRIVATE KEY-----"));
    assertTrue(Files.readString(pkcs1).startsWith("-----BEGIN RSA PRIVATE KEY-----"));

    for (Path key : List.of(pkcs8, pkcs1)) {
      SSLContext context = IrcTls.fromPem(certificate, key);
      Exchange exchange = exchange(context, readCertificate(certificate));
      assertEquals("echo NICK alice", exchange.reply(), key.toString());
      assertEquals("RSA", exchange.peer().getFirst().getPublicKey().getAlgorithm());
    }
  }

  @Test
  void opensslEcKeyLoadsAsSec1AndAsPkcs8() throws Exception {
    assumeTrue(opensslPresent(), "openssl is not installed");
    Path sec1 = directory.resolve("ec.pem");
    // with its "EC PARAMETERS" block before the key, as ecparam writes it
    openssl("ecparam", "-name", "prime256v1", "-genkey", "-out", sec1.toString());
    Path pkcs8 = directory.resolve("ec8.pem");
    openssl("pkcs8", "-topk8", "-nocrypt", "-in", sec1.toString(), "-out", pkcs8.toString());
    Path certificate = directory.resolve("cert.pem");
    openssl(
        "req",
        "-x509",
        "-key",
        sec1.toString(),
        "-out",
        certificate.toString(),
        "-days",
        "1",
        "-subj",
        "/CN=localhost",
        "-addext",
        "subjectAltName=DNS:localhost");
    assertTrue(Files.readString(sec1).contains("-----BEGIN EC PRIVATE KEY-----"));
    assertTrue(Files.readString(pkcs8).startsWith("-----BEGIN PRIVATE KEY-----"));

    for (Path key : List.of(sec1, pkcs8)) {
      SSLContext context = IrcTls.fromPem(certificate, key);
      assertEquals(
          "echo NICK alice",
          exchange(context, readCertificate(certificate)).reply(),
          key.toString());
    }
  }

  @Test
  void theWholeChainIsServed() throws Exception {
    assumeTrue(opensslPresent(), "openssl is not installed");
    Path caCertificate = directory.resolve("ca.pem");
    Path caKey = directory.resolve("ca.key");
    openssl(
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
        "-keyout",
        caKey.toString(),
        "-out",
        caCertificate.toString(),
        "-days",
        "1",
        "-subj",
        "/CN=Test CA",
        "-addext",
        "basicConstraints=critical,CA:TRUE",
        "-addext",
        "keyUsage=critical,keyCertSign");
    Path key = directory.resolve("server.key");
    Path request = directory.resolve("server.csr");
    openssl(
        "req",
        "-new",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
        "-keyout",
        key.toString(),
        "-out",
        request.toString(),
        "-subj",
        "/CN=localhost");
    Path extensions = directory.resolve("server.ext");
    Files.writeString(extensions, "subjectAltName=DNS:localhost\n");
    Path leaf = directory.resolve("leaf.pem");
    openssl(
        "x509",
        "-req",
        "-in",
        request.toString(),
        "-CA",
        caCertificate.toString(),
        "-CAkey",
        caKey.toString(),
        "-CAcreateserial",
        "-days",
        "1",
        "-extfile",
        extensions.toString(),
        "-out",
        leaf.toString());
    Path chain = directory.resolve("chain.pem");
    Files.writeString(chain, Files.readString(leaf) + Files.readString(caCertificate));

    SSLContext context = IrcTls.fromPem(chain, key);
    Exchange exchange = exchange(context, readCertificate(caCertificate));

    assertEquals("echo NICK alice", exchange.reply());
    assertEquals(2, exchange.peer().size());
    assertEquals(
        IrcTls.fingerprint(readCertificate(leaf)), IrcTls.fingerprint(exchange.peer().getFirst()));
    assertEquals(IrcTls.fingerprint(readCertificate(leaf)), IrcTls.fingerprint(context));
  }

  @Test
  void aKeyOfAnotherCertificateIsRefused() throws Exception {
    assumeTrue(opensslPresent(), "openssl is not installed");
    Path certificate = directory.resolve("cert.pem");
    selfSignedByOpenssl(certificate, directory.resolve("key.pem"), "rsa:2048");
    Path otherKey = directory.resolve("other.pem");
    selfSignedByOpenssl(directory.resolve("other-cert.pem"), otherKey, "rsa:2048");
    Path ecKey = directory.resolve("ec.pem");
    openssl("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", ecKey.toString());

    for (Path key : List.of(otherKey, ecKey)) {
      String message = refusal(certificate, key);
      assertEquals(
          "the private key in " + key + " does not match the first certificate in " + certificate,
          message);
    }
  }

  @Test
  void emptyAndMissingFilesAreRefused() throws Exception {
    IrcTls.selfSigned(directory, "localhost");
    Path certificate = directory.resolve(IrcTls.CERTIFICATE_FILE);
    Path key = directory.resolve(IrcTls.KEY_FILE);
    Path empty = directory.resolve("empty.pem");
    Files.createFile(empty);
    Path missing = directory.resolve("missing.pem");

    assertEquals("no CERTIFICATE block in " + empty, refusal(empty, key));
    assertEquals("no PRIVATE KEY block in " + empty, refusal(certificate, empty));
    // a key where the certificate should be, and the other way round
    assertEquals("no CERTIFICATE block in " + key, refusal(key, key));
    assertEquals("no PRIVATE KEY block in " + certificate, refusal(certificate, certificate));
    assertTrue(refusal(missing, key).startsWith(missing + ": no such file"));
    assertTrue(refusal(certificate, missing).startsWith(missing + ": no such file"));
    Path garbage = directory.resolve("garbage.pem");
    Files.writeString(garbage, "-----BEGIN CERTIFICATE-----\nnot base64 !!\n");
    assertTrue(refusal(garbage, key).startsWith("cannot read the certificate " + garbage + ": "));
  }

  @Test
  void anEncryptedKeyIsRefused() throws Exception {
    assumeTrue(opensslPresent(), "openssl is not installed");
    Path certificate = directory.resolve("cert.pem");
    Path key = directory.resolve("key.pem");
    selfSignedByOpenssl(certificate, key, "rsa:2048");
    Path pkcs8 = directory.resolve("encrypted8.pem");
    openssl(
        "pkey",
        "-in",
        key.toString(),
        "-aes256",
        "-passout",
        "pass:secret",
        "-out",
        pkcs8.toString());
    Path legacy = directory.resolve("encrypted1.pem");
    openssl(
        "rsa",
        "-in",
        key.toString(),
        "-traditional",
        "-aes256",
        "-passout",
        "pass:secret",
        "-out",
        legacy.toString());
    assertTrue(Files.readString(pkcs8).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
    assertTrue(Files.readString(legacy).contains("Proc-Type: 4,ENCRYPTED"));

    for (Path encrypted : List.of(pkcs8, legacy)) {
      String message = refusal(certificate, encrypted);
      assertTrue(message.startsWith(encrypted + ": the private key is encrypted;"), message);
    }
  }

  @Test
  void fingerprintOfAForeignContextIsRefused() throws Exception {
    SSLContext foreign = SSLContext.getInstance("TLS");
    foreign.init(null, null, null);
    assertThrows(IllegalArgumentException.class, () -> IrcTls.fingerprint(foreign));
  }

  /** The refusal's message, which must be one line. */
  private static String refusal(Path certificate, Path key) {
    IOException refused = assertThrows(IOException.class, () -> IrcTls.fromPem(certificate, key));
    assertFalse(refused.getMessage().contains("\n"), refused.getMessage());
    return refused.getMessage();
  }

  private record Exchange(String reply, List<X509Certificate> peer, String protocol) {}

  private static Exchange exchange(SSLContext server, X509Certificate trusted) throws Exception {
    return exchange(server, trusted, "TLSv1.3");
  }

  /**
   * One line each way over a loopback TLS connection: the client trusts {@code trusted} only and
   * checks that the certificate names {@code localhost}, as a careful IRC client would.
   */
  private static Exchange exchange(SSLContext server, X509Certificate trusted, String protocol)
      throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("trusted", trusted);
    TrustManagerFactory trustManagers =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trustManagers.init(trust);
    SSLContext client = SSLContext.getInstance("TLS");
    client.init(null, trustManagers.getTrustManagers(), null);

    try (SSLServerSocket listener =
        (SSLServerSocket)
            server
                .getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Void> served =
          CompletableFuture.runAsync(
              () -> {
                try (SSLSocket accepted = (SSLSocket) listener.accept()) {
                  accepted.setSoTimeout(10_000);
                  String line = readLine(accepted.getInputStream());
                  OutputStream out = accepted.getOutputStream();
                  out.write(("echo " + line + "\r\n").getBytes(StandardCharsets.UTF_8));
                  out.flush();
                } catch (IOException e) {
                  throw new RuntimeException(e);
                }
              });
      Exchange exchange;
      try (SSLSocket socket =
          (SSLSocket)
              client.getSocketFactory().createSocket("localhost", listener.getLocalPort())) {
        socket.setSoTimeout(10_000);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        parameters.setProtocols(new String[] {protocol});
        socket.setSSLParameters(parameters);
        socket.getOutputStream().write("NICK alice\r\n".getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
        String reply = readLine(socket.getInputStream());
        List<X509Certificate> peer = new ArrayList<>();
        for (Certificate certificate : socket.getSession().getPeerCertificates()) {
          peer.add((X509Certificate) certificate);
        }
        exchange = new Exchange(reply, peer, socket.getSession().getProtocol());
      }
      // only now: a TLS 1.3 server's close waits for the client's close_notify
      served.get(30, TimeUnit.SECONDS);
      return exchange;
    }
  }

  private static String readLine(InputStream in) throws IOException {
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
  }

  /** Read by the JDK, not by the class under test. */
  private static X509Certificate readCertificate(Path file) throws Exception {
    try (InputStream in = Files.newInputStream(file)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }

  private static void selfSignedByOpenssl(Path certificate, Path key, String newKey)
      throws Exception {
    openssl(
        "req",
        "-x509",
        "-newkey",
        newKey,
        "-nodes",
        "-keyout",
        key.toString(),
        "-out",
        certificate.toString(),
        "-days",
        "1",
        "-subj",
        "/CN=localhost",
        "-addext",
        "subjectAltName=DNS:localhost");
  }

  private static boolean opensslPresent() {
    try {
      openssl("version");
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  /** Runs {@code openssl}, returns what it printed, and fails the test if it fails. */
  private static String openssl(String... arguments) throws Exception {
    List<String> command = new ArrayList<>();
    command.add("openssl");
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IOException(String.join(" ", command) + " failed: " + output);
    }
    return output;
  }
}
