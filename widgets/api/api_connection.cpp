#include "api/api_connection.hpp"

#include <QFile>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSslCertificate>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace edgelab::console {
namespace {
constexpr qint64 kMaxAnswerBytes = 16 * 1024 * 1024;  // no API answer of ours is near this
}

ApiConnection::ApiConnection(QUrl base, QString tokenFile, QString caFile, QNetworkAccessManager* network,
                             QObject* parent)
    : QObject(parent),
      base_(std::move(base)),
      token_file_(std::move(tokenFile)),
      ca_file_(std::move(caFile)),
      network_(network) {
  readToken();
  tls_ = QSslConfiguration::defaultConfiguration();
  if (!ca_file_.isEmpty() && setup_error_.isEmpty()) {
    const auto certificates = QSslCertificate::fromPath(ca_file_, QSsl::Pem);
    if (certificates.isEmpty())
      setup_error_ = tr("CA file %1: no PEM certificate in it").arg(ca_file_);
    else
      tls_.setCaCertificates(certificates);
  }
}

ApiConnection::~ApiConnection() { abortAll(); }

void ApiConnection::readToken() {
  if (token_file_.isEmpty()) return;  // an API without a token (or only /health)
  QFile file(token_file_);
  if (!file.open(QIODevice::ReadOnly)) {
    setup_error_ = tr("token file %1: %2").arg(token_file_, file.errorString());
    return;
  }
  token_ = file.read(4096).trimmed();
  if (token_.isEmpty())
    setup_error_ = tr("token file %1 is empty").arg(token_file_);
  else
    setup_error_.clear();
}

QNetworkRequest ApiConnection::makeRequest(const QString& pathAndQuery, int timeoutMs) const {
  QUrl url = base_;
  const qsizetype query = pathAndQuery.indexOf(u'?');
  url.setPath(query < 0 ? pathAndQuery : pathAndQuery.left(query));
  if (query >= 0) url.setQuery(pathAndQuery.mid(query + 1));
  QNetworkRequest request(url);
  if (!token_.isEmpty()) request.setRawHeader("Authorization", "Bearer " + token_);
  request.setRawHeader("Accept", "application/json");
  request.setTransferTimeout(timeoutMs);
  // Keep-alive to each node; HTTP/2 is not spoken by the engine.
  request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
  if (url.scheme() == u"https"_s) request.setSslConfiguration(tls_);
  return request;
}

void ApiConnection::get(const QString& pathAndQuery, int timeoutMs, Handler handler) {
  if (!setup_error_.isEmpty()) {
    // Still asynchronous, so callers see one behaviour.
    QTimer::singleShot(0, this, [this, handler = std::move(handler)] {
      handler(ApiResult{{}, setup_error_, 0, false});
    });
    return;
  }
  watch(network_->get(makeRequest(pathAndQuery, timeoutMs)), timeoutMs, std::move(handler));
}

void ApiConnection::send(const QByteArray& verb, const QString& path, const QJsonObject& body, int timeoutMs,
                         Handler handler) {
  if (!setup_error_.isEmpty()) {
    QTimer::singleShot(0, this, [this, handler = std::move(handler)] {
      handler(ApiResult{{}, setup_error_, 0, false});
    });
    return;
  }
  QNetworkRequest request = makeRequest(path, timeoutMs);
  request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
  watch(network_->sendCustomRequest(request, verb, QJsonDocument(body).toJson(QJsonDocument::Compact)), timeoutMs,
        std::move(handler));
}

void ApiConnection::watch(QNetworkReply* reply, int timeoutMs, Handler handler) {
  replies_.append(reply);
  connect(reply, &QNetworkReply::downloadProgress, this, [reply](qint64 received, qint64) {
    if (received > kMaxAnswerBytes) reply->abort();
  });
  connect(reply, &QNetworkReply::finished, this, [this, reply, timeoutMs, handler = std::move(handler)] {
    replies_.removeAll(reply);
    reply->deleteLater();
    ApiResult result = resultOf(*reply, timeoutMs);
    if (result.http_status == 401 && !token_file_.isEmpty()) readToken();  // the node may have a new one
    handler(result);
  });
}

ApiResult ApiConnection::resultOf(QNetworkReply& reply, int timeoutMs) const {
  ApiResult result;
  result.http_status = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
  const QByteArray body = reply.readAll();
  QJsonParseError parse{};
  QJsonDocument json = QJsonDocument::fromJson(body, &parse);
  if (result.http_status == 0) {
    result.transport_failure = true;
    switch (reply.error()) {
      case QNetworkReply::ConnectionRefusedError:
        result.error = tr("connection refused");
        break;
      case QNetworkReply::HostNotFoundError:
        result.error = tr("host %1 not found").arg(base_.host());
        break;
      case QNetworkReply::OperationCanceledError:
      case QNetworkReply::TimeoutError:
        result.error = tr("timed out after %1 s").arg(timeoutMs / 1000.0, 0, 'g', 3);
        break;
      case QNetworkReply::RemoteHostClosedError:
        result.error = tr("connection closed before an answer");
        break;
      case QNetworkReply::SslHandshakeFailedError:
        result.transport_failure = false;
        result.error = tr("TLS: %1").arg(reply.errorString());
        break;
      default:
        result.error = reply.errorString();
        break;
    }
    return result;
  }
  if (result.http_status >= 400) {
    // The body stays readable: a 409 carries what the caller needs next (a node's fleet_seq).
    if (parse.error == QJsonParseError::NoError) result.body = json;
    QString message = json.isObject() ? json.object().value(u"error"_s).toString() : QString();
    if (result.http_status == 401)
      result.error = token_.isEmpty() ? tr("401 no token") : tr("401 wrong token");
    else if (message.isEmpty())
      result.error = tr("HTTP %1").arg(result.http_status);
    else
      result.error = tr("%1 %2").arg(result.http_status).arg(message);
    return result;
  }
  if (parse.error != QJsonParseError::NoError) {
    result.error = tr("not JSON (%1)").arg(parse.errorString());
    return result;
  }
  result.body = std::move(json);
  return result;
}

void ApiConnection::abortAll() {
  const auto replies = std::exchange(replies_, {});
  for (const auto& reply : replies) {
    if (!reply) continue;
    reply->disconnect(this);
    reply->abort();
    reply->deleteLater();
  }
}

}  // namespace edgelab::console
