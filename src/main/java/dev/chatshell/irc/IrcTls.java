package dev.chatshell.irc;

import dev.chatshell.transport.SecretFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The IRC door's TLS identity: a server {@link SSLContext} from the operator's PEM certificate
 * chain and private key, or, when none is configured, from a self-signed certificate made on first
 * start and kept in the data directory (the key readable by the server's user only), so clients
 * that pinned it once keep trusting it. PEM is read and written by Bouncy Castle's bcpkix; the TLS
 * itself is the JDK's, with its default protocols, which on Java 25 are TLS 1.3 and 1.2 only (the
 * older ones are disabled in {@code java.security}).
 *
 * <p>Every problem with the files is an {@link IOException} whose message is one line naming the
 * file and what is wrong with it, fit to be shown as the reason the server did not start.
 */
public final class IrcTls {
  private static final Logger log = LoggerFactory.getLogger(IrcTls.class);

  /** The self-signed certificate's file in the data directory. */
  public static final String CERTIFICATE_FILE = "irc_tls_cert.pem";

  /** The self-signed certificate's private key in the data directory. */
  public static final String KEY_FILE = "irc_tls_key.pem";

  private static final Set<PosixFilePermission> WORLD_READABLE =
      PosixFilePermissions.fromString("rw-r--r--");

  /**
   * The certificate each context made here serves, so the server can log its fingerprint: an
   * SSLContext does not tell which certificate its key managers hold. Weak, so a dropped context is
   * not kept alive by this.
   */
  private static final Map<SSLContext, X509Certificate> SERVED =
      Collections.synchronizedMap(new WeakHashMap<>());

  static {
    // A client may not start new handshakes on a connection (TLS 1.2 renegotiation): each costs
    // the server a key exchange, and no IRC client needs one. Read when the first server handshake
    // is made, which is after this class makes the door's context.
    if (System.getProperty("jdk.tls.rejectClientInitiatedRenegotiation") == null) {
      System.setProperty("jdk.tls.rejectClientInitiatedRenegotiation", "true");
    }
  }

  private IrcTls() {}

  /**
   * A server context from a PEM certificate chain (the server's certificate first, then any
   * intermediates) and its PEM private key: PKCS#8 ({@code PRIVATE KEY}), PKCS#1 ({@code RSA
   * PRIVATE KEY}) or SEC1 ({@code EC PRIVATE KEY}), not encrypted — the server starts unattended,
   * with nobody to type a passphrase.
   */
  public static SSLContext fromPem(Path certificateChain, Path privateKey) throws IOException {
    List<X509Certificate> chain = readCertificates(certificateChain);
    PrivateKey key = readPrivateKey(privateKey);
    X509Certificate leaf = chain.getFirst();
    if (!matches(key, leaf.getPublicKey())) {
      throw new IOException(
          "the private key in "
              + privateKey
              + " does not match the first certificate in "
              + certificateChain);
    }
    warnIfOutOfDate(leaf, certificateChain);
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      // in memory only: the password just satisfies the KeyStore interface
      char[] password = "chatshell".toCharArray();
      store.setKeyEntry("irc", key, password, chain.toArray(new X509Certificate[0]));
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, password);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      SERVED.put(context, leaf);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IOException(
          "cannot use " + certificateChain + " and " + privateKey + " for TLS: " + e.getMessage(),
          e);
    }
  }

  /**
   * The self-signed context kept in {@code directory}: read from {@link #CERTIFICATE_FILE} and
   * {@link #KEY_FILE} when both are there; otherwise a new key pair and certificate for {@code
   * hostName} (and {@code localhost}) are made, written there, and read back.
   */
  public static SSLContext selfSigned(Path directory, String hostName) throws IOException {
    Path certificate = directory.resolve(CERTIFICATE_FILE);
    Path key = directory.resolve(KEY_FILE);
    if (Files.exists(certificate) && Files.exists(key)) {
      SecretFiles.keepPrivate(key, "The IRC TLS key", log);
      return fromPem(certificate, key);
    }
    // Half a pair (a start that died between the two writes, or a file removed by hand) is of no
    // use: a certificate without its key cannot serve, a key without its certificate is unknown to
    // any client. Both are made anew.
    Files.createDirectories(directory);
    KeyPair pair = newKeyPair();
    X509Certificate made = selfSignedCertificate(pair, hostName);
    // the key first: a certificate on disk always has its key next to it
    write(key, pem(new JcaPKCS8Generator(pair.getPrivate(), null)), SecretFiles.OWNER_ONLY);
    write(certificate, pem(made), WORLD_READABLE);
    log.info("Made a new self-signed IRC TLS certificate for {} in {}", hostName, certificate);
    return fromPem(certificate, key);
  }

  /** The SHA-256 fingerprint of the certificate a context made here serves. */
  public static String fingerprint(SSLContext context) {
    X509Certificate certificate = SERVED.get(context);
    if (certificate == null) {
      throw new IllegalArgumentException("not a TLS context made by IrcTls");
    }
    return fingerprint(certificate);
  }

  /**
   * The certificate's SHA-256 fingerprint as upper-case hex pairs joined by colons, the form {@code
   * openssl x509 -fingerprint -sha256} and most IRC clients show.
   */
  public static String fingerprint(X509Certificate certificate) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
      return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
      throw new IllegalStateException("cannot fingerprint a certificate: " + e.getMessage(), e);
    }
  }

  private static List<X509Certificate> readCertificates(Path file) throws IOException {
    List<X509Certificate> chain = new ArrayList<>();
    JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
    Reader text = open(file, "certificate");
    try (PEMParser pem = new PEMParser(text)) {
      // anything else in the file (a key, when certificate and key share one file) is skipped
      for (Object block = pem.readObject(); block != null; block = pem.readObject()) {
        if (block instanceof X509CertificateHolder holder) {
          chain.add(converter.getCertificate(holder));
        }
      }
    } catch (GeneralSecurityException | IOException e) {
      throw new IOException("cannot read the certificate " + file + ": " + e.getMessage(), e);
    }
    if (chain.isEmpty()) {
      throw new IOException("no CERTIFICATE block in " + file);
    }
    return chain;
  }

  private static PrivateKey readPrivateKey(Path file) throws IOException {
    Object key;
    Reader text = open(file, "private key");
    try (PEMParser pem = new PEMParser(text)) {
      // skipped: "EC PARAMETERS" before a SEC1 key (openssl ecparam -genkey), or a certificate
      // when both share one file
      key = pem.readObject();
      while (key != null
          && !(key instanceof PrivateKeyInfo
              || key instanceof PEMKeyPair
              || key instanceof PKCS8EncryptedPrivateKeyInfo
              || key instanceof PEMEncryptedKeyPair)) {
        key = pem.readObject();
      }
    } catch (IOException e) {
      throw new IOException("cannot read the private key " + file + ": " + e.getMessage(), e);
    }
    JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
    try {
      return switch (key) {
        case null -> throw new IOException("no PRIVATE KEY block in " + file);
        case PrivateKeyInfo pkcs8 -> converter.getPrivateKey(pkcs8);
        case PEMKeyPair pkcs1OrSec1 -> converter.getKeyPair(pkcs1OrSec1).getPrivate();
        default ->
            throw new IOException(
                file
                    + ": the private key is encrypted; the server cannot ask for a passphrase, so"
                    + " give it the key decrypted (openssl pkey -in KEY -out PLAIN), readable by"
                    + " its user only");
      };
    } catch (PEMException e) {
      throw new IOException("cannot use the private key in " + file + ": " + e.getMessage(), e);
    }
  }

  private static Reader open(Path file, String what) throws IOException {
    try {
      return Files.newBufferedReader(file, StandardCharsets.US_ASCII);
    } catch (NoSuchFileException e) {
      throw new IOException(file + ": no such file (the IRC TLS " + what + ")", e);
    }
  }

  /**
   * Whether the key belongs to the certificate: a signature made with it verifies with the
   * certificate's public key. This works for every key type alike, unlike comparing key fields.
   */
  private static boolean matches(PrivateKey key, PublicKey certified) throws IOException {
    String family = family(key.getAlgorithm());
    if (!family.equals(family(certified.getAlgorithm()))) {
      return false;
    }
    String algorithm =
        switch (family) {
          case "RSA" -> "SHA256withRSA";
          case "EC" -> "SHA256withECDSA";
          case "EdDSA" -> "EdDSA";
          default ->
              throw new IOException(
                  "IRC TLS keys of type " + key.getAlgorithm() + " are not supported");
        };
    try {
      byte[] probe = "chatshell".getBytes(StandardCharsets.US_ASCII);
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(certified);
      verifier.update(probe);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      // a key of the same type but another shape (another curve) cannot verify at all
      return false;
    }
  }

  /**
   * One name per key type, whichever provider made the key: once BouncyCastle is registered (the
   * SSH door's library registers it), the PEM converter makes EC keys that call themselves "ECDSA",
   * while the certificate's key, from the JDK, says "EC".
   */
  private static String family(String algorithm) {
    return switch (algorithm) {
      case "ECDSA" -> "EC";
      case "Ed25519", "Ed448" -> "EdDSA";
      default -> algorithm;
    };
  }

  private static void warnIfOutOfDate(X509Certificate certificate, Path file) {
    try {
      certificate.checkValidity();
    } catch (CertificateExpiredException | CertificateNotYetValidException e) {
      log.warn(
          "The IRC TLS certificate {} is valid from {} to {} only: clients will refuse it",
          file,
          certificate.getNotBefore().toInstant(),
          certificate.getNotAfter().toInstant());
    }
  }

  /**
   * An EC P-256 key. SunJSSE would serve an Ed25519 certificate too (tried: TLS 1.3 and 1.2, with
   * Java and OpenSSL clients), but not every TLS stack an IRC client may be built on accepts one
   * (Java before 15 does not, nor do the browsers' stacks), while P-256 is accepted everywhere.
   */
  private static KeyPair newKeyPair() throws IOException {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot make an IRC TLS key: " + e.getMessage(), e);
    }
  }

  private static X509Certificate selfSignedCertificate(KeyPair pair, String hostName)
      throws IOException {
    X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, hostName).build();
    // a little in the past, so a client whose clock is slightly behind accepts it at once
    Instant from = Instant.now().minus(Duration.ofHours(1));
    Instant until = from.atZone(ZoneOffset.UTC).plusYears(10).toInstant();
    BigInteger serial = new BigInteger(127, new SecureRandom()).setBit(126);
    Set<String> dnsNames = new LinkedHashSet<>(List.of(hostName, "localhost"));
    GeneralName[] alternativeNames =
        dnsNames.stream()
            .map(n -> new GeneralName(GeneralName.dNSName, n))
            .toArray(GeneralName[]::new);
    try {
      JcaX509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              name, serial, Date.from(from), Date.from(until), name, pair.getPublic());
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      builder.addExtension(
          Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
      builder.addExtension(
          Extension.subjectAlternativeName, false, new GeneralNames(alternativeNames));
      builder.addExtension(
          Extension.subjectKeyIdentifier,
          false,
          new JcaX509ExtensionUtils().createSubjectKeyIdentifier(pair.getPublic()));
      X509CertificateHolder signed =
          builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate()));
      return new JcaX509CertificateConverter().getCertificate(signed);
    } catch (CertIOException | OperatorCreationException | GeneralSecurityException e) {
      throw new IOException("cannot make a self-signed IRC TLS certificate: " + e.getMessage(), e);
    }
  }

  private static String pem(Object object) throws IOException {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(object);
    }
    return text.toString();
  }

  /** As {@link SecretFiles#write}, for a PEM text. */
  private static void write(Path file, String text, Set<PosixFilePermission> permissions)
      throws IOException {
    SecretFiles.write(
        file, permissions, out -> out.write(text.getBytes(StandardCharsets.US_ASCII)));
  }
}
