#pragma once
// One purge sent from the console to many nodes through their admin APIs, at
// once, and watched to the end: shields first (so an edge cannot refill from
// a shield that still holds the object), then edges; retries with backoff;
// each acknowledgement verified by asking the node whether anything the purge
// selects, cached before it, is still there (or still fresh, for a soft
// purge). A fleet purge carries its journal sequence: a node that missed
// earlier ones answers with a gap and is sent them first. A node that fails
// is tried again every few seconds for a while: when it comes back it is
// caught up, and its row says so.
#include "api/admin_client.hpp"
#include "api/purge_journal.hpp"

#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>

#include <memory>
#include <vector>

namespace edgelab::console {

struct PurgeOrder {
  QString kind;   // "url", "prefix", "tag", "all"
  QString value;  // empty for "all"
  bool soft = false;
};

struct PurgeTarget {
  QString name, role;
  QString upstream;  // the node it fetches from ("origin", a shield's name), empty when unknown
  QPointer<AdminClient> client;
  qint64 fleet_seq = 0;  // 0: a purge of this node alone, outside the fleet sequence
  std::shared_ptr<const QList<JournalEntry>> backlog;  // fleet purges before fleet_seq, oldest first
};

struct NodePurgeProgress {
  enum class State { waiting, sent, acknowledged, verified, still_cached, failed, caught_up };
  QString name, role;
  State state = State::waiting;
  int attempts = 0;
  int replayed = 0;
  bool duplicate = false;
  double sent_ms = -1, ack_ms = -1, verified_ms = -1, caught_up_ms = -1;  // from the campaign's start
  qint64 node_seq = 0, l1 = 0, l2 = 0;
  QString error;   // why it failed (the last failure, kept after a catch-up)
  QString detail;  // what verification found
};

class PurgeCampaign : public QObject {
  Q_OBJECT
 public:
  struct Options {
    int max_attempts = 4;
    int backoff_ms = 20;  // doubled after each failed attempt
    int request_timeout_ms = 2000;
    int catch_up_interval_ms = 2000;
    int catch_up_for_ms = 10 * 60 * 1000;  // then the failure stands
  };

  PurgeCampaign(PurgeOrder order, std::vector<PurgeTarget> targets, Options options, QObject* parent = nullptr);
  PurgeCampaign(PurgeOrder order, std::vector<PurgeTarget> targets, QObject* parent = nullptr)
      : PurgeCampaign(std::move(order), std::move(targets), Options{}, parent) {}

  void start();
  const PurgeOrder& order() const { return order_; }
  const std::vector<NodePurgeProgress>& nodes() const { return progress_; }
  bool finished() const { return finished_; }  // every node acknowledged and verified, or failed
  // From the start to the last verification (or acknowledgement, or failure) of the first pass.
  double totalMs() const { return total_ms_; }
  double elapsedMs() const;
  bool catchingUp() const { return catch_up_.isActive(); }

  static QString stateLabel(NodePurgeProgress::State state);
  static QString kindLabel(const QString& kind);  // "tag" -> "tag", "all" -> "everything", in the UI's language
  static QString verificationTarget(const PurgeOrder& order, qint64 nodeSeq);

 signals:
  void nodeChanged(int index);
  void finishedFirstPass();
  void caughtUp(int index);

 private:
  struct Task {
    std::vector<JournalEntry> queue;  // replays first, then the purge itself
    int gaps = 0;
    int entry_attempts = 0;  // for the entry at the front: replays do not use up the retry budget
    bool retrying = false;   // caught up later: its results go to caught_up_ms
    bool done = false;
    bool waiting = false;    // a request is out; a node removed from the console never answers it
  };
  void startWave(int wave);
  void send(int index);
  void onReply(int index, const ApiResult& reply);
  void retryOrFail(int index, const QString& why);
  void verify(int index);
  void nodeDone(int index);
  void finishFirstPass();
  void retryFailed();
  void repurgeEdgesBehind(int shield);
  void onClientGone(int index);
  QJsonObject body(int index, const JournalEntry& entry) const;

  PurgeOrder order_;
  std::vector<PurgeTarget> targets_;
  std::vector<NodePurgeProgress> progress_;
  std::vector<Task> tasks_;
  Options options_;
  QElapsedTimer clock_;
  QTimer catch_up_;
  int wave_ = 0;
  int wave_remaining_ = 0;
  bool finished_ = false;
  double total_ms_ = -1;
};

}  // namespace edgelab::console
