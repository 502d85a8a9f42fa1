#pragma once
// One authenticated JSON-over-HTTP(S) connection to an API (a node's admin API
// or a lab's control API): bearer token from a token file, an optional CA file
// for https, a timeout on every request, and one clear error string per
// failure ("401 wrong token", "connection refused", "timed out after 3 s").
// Everything is asynchronous on the caller's (GUI) thread; handlers run on it.
#include <QJsonDocument>
#include <QList>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;

namespace edgelab::console {

struct ApiResult {
  QJsonDocument body;   // the parsed answer (an object or an array); null on error
  QString error;        // empty on success
  int http_status = 0;  // 0 when no HTTP answer came at all
  // The node did not answer at the transport level (refused, timed out, closed, DNS):
  // it may be down. Otherwise it answered, but not as wanted (401, 4xx, bad JSON, TLS).
  bool transport_failure = false;
  bool ok() const { return error.isEmpty(); }
};

class ApiConnection : public QObject {
  Q_OBJECT
 public:
  using Handler = std::function<void(const ApiResult&)>;

  // `base` is "http(s)://host:port"; the token is read now (and again after a 401,
  // in case the node regenerated it). `caFile` may be empty (system CAs).
  ApiConnection(QUrl base, QString tokenFile, QString caFile, QNetworkAccessManager* network,
                QObject* parent = nullptr);
  ~ApiConnection() override;

  const QUrl& baseUrl() const { return base_; }
  // A problem that fails every request before it is sent (unreadable token or CA file).
  QString setupError() const { return setup_error_; }

  // `pathAndQuery` such as "/admin/v1/events?after=3&timeout_ms=25000".
  void get(const QString& pathAndQuery, int timeoutMs, Handler handler);
  void send(const QByteArray& verb, const QString& path, const QJsonObject& body, int timeoutMs, Handler handler);
  // Cancels every request in flight; their handlers are not called.
  void abortAll();
  int inFlight() const { return static_cast<int>(replies_.size()); }

 private:
  void readToken();
  QNetworkRequest makeRequest(const QString& pathAndQuery, int timeoutMs) const;
  void watch(QNetworkReply* reply, int timeoutMs, Handler handler);
  ApiResult resultOf(QNetworkReply& reply, int timeoutMs) const;

  QUrl base_;
  QString token_file_;
  QString ca_file_;
  QByteArray token_;
  QString setup_error_;
  QSslConfiguration tls_;
  QNetworkAccessManager* network_;
  QList<QPointer<QNetworkReply>> replies_;
};

}  // namespace edgelab::console
