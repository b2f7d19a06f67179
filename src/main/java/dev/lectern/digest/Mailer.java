package dev.lectern.digest;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

/** Sends one mail over SMTP (Jakarta Mail, by Eclipse Angus), one connection per mail. */
public final class Mailer {
  /** Connecting, and each read or write: a stuck server fails the send, to be tried again later. */
  static final int TIMEOUT_MS = 30_000;

  /** A mail to send, with the Message-ID it keeps on every try. */
  public record Outgoing(
      String to, String subject, String text, String html, String messageId, String unsubscribe) {}

  /** The server refused, dropped the connection or could not be reached; the message says why. */
  public static final class SendFailed extends Exception {
    SendFailed(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final MailSettings settings;
  private final Session session;

  public Mailer(MailSettings settings) {
    this.settings = settings;
    this.session = Session.getInstance(properties(settings), authenticator(settings));
  }

  public void send(Outgoing mail) throws SendFailed {
    try {
      Transport.send(message(mail));
    } catch (MessagingException | RuntimeException e) {
      throw new SendFailed(reason(e), e);
    }
  }

  private MimeMessage message(Outgoing mail) throws MessagingException {
    MimeMessage m =
        new MimeMessage(session) {
          @Override
          protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", mail.messageId()); // the same on every try: clients can tell
          }
        };
    m.setFrom(new InternetAddress(settings.from(), true));
    m.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to(), true));
    m.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
    m.setSentDate(new Date());
    // RFC 2369 and RFC 8058: a client's own unsubscribe button POSTs to the link, no login needed
    m.setHeader("List-Unsubscribe", "<" + mail.unsubscribe() + ">");
    m.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    m.setHeader("Auto-Submitted", "auto-generated");
    MimeBodyPart text = new MimeBodyPart();
    text.setText(mail.text(), StandardCharsets.UTF_8.name(), "plain");
    MimeBodyPart html = new MimeBodyPart();
    html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
    MimeMultipart alternative = new MimeMultipart("alternative"); // plain first: the fallback
    alternative.addBodyPart(text);
    alternative.addBodyPart(html);
    m.setContent(alternative);
    m.saveChanges();
    return m;
  }

  private static Properties properties(MailSettings s) {
    Properties p = new Properties();
    String proto = s.security() == MailSettings.Security.SSL ? "smtps" : "smtp";
    p.put("mail.transport.protocol", proto);
    p.put("mail." + proto + ".host", s.host());
    p.put("mail." + proto + ".port", Integer.toString(s.port()));
    p.put("mail." + proto + ".connectiontimeout", Integer.toString(TIMEOUT_MS));
    p.put("mail." + proto + ".timeout", Integer.toString(TIMEOUT_MS));
    p.put("mail." + proto + ".writetimeout", Integer.toString(TIMEOUT_MS));
    p.put("mail." + proto + ".auth", Boolean.toString(!s.user().isEmpty()));
    if (s.security() == MailSettings.Security.STARTTLS) {
      p.put("mail.smtp.starttls.enable", "true");
      p.put("mail.smtp.starttls.required", "true");
    }
    if (s.security() != MailSettings.Security.NONE)
      p.put("mail." + proto + ".ssl.checkserveridentity", "true");
    return p;
  }

  private static Authenticator authenticator(MailSettings s) {
    if (s.user().isEmpty()) return null;
    return new Authenticator() {
      @Override
      protected PasswordAuthentication getPasswordAuthentication() {
        return new PasswordAuthentication(s.user(), s.password());
      }
    };
  }

  /** The innermost cause's words: "Connection refused", "535 authentication failed". */
  private static String reason(Throwable e) {
    String outer = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) root = root.getCause();
    if (root == e || root.getMessage() == null) return outer.strip();
    return (outer + ": " + root.getMessage()).strip();
  }
}
