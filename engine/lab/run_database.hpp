#pragma once
// A lab run kept in SQLite: what was run (topology, traffic settings), each
// node's figures second by second as they come, the events, and the final
// report, so a finished run can be reopened and compared with another.
#include "core/sqlite_db.hpp"
#include "lab/lab_event.hpp"
#include "lab/metrics_history.hpp"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace edgelab {

struct StoredRun {
  std::int64_t id = 0;
  std::string topology;
  std::int64_t started_ms = 0;  // Unix milliseconds
  std::string settings_json;
  std::string report_json;  // empty while the run is unfinished (or if it never finished)
  std::map<std::string, std::vector<NodeSecond>> seconds;  // node -> its seconds, in order
  std::vector<LabEvent> events;
};

class RunDatabase {
 public:
  static std::unique_ptr<RunDatabase> open(const std::string& path, std::string& error);
  explicit RunDatabase(std::unique_ptr<SqliteDb> db) : db_(std::move(db)) {}

  std::optional<std::int64_t> begin_run(const std::string& topology, std::int64_t started_ms,
                                        const std::string& settings_json, std::string& error);
  // One second of every node, in one transaction.
  bool append_seconds(std::int64_t run, const std::vector<std::pair<std::string, NodeSecond>>& rows, std::string& error);
  bool finish_run(std::int64_t run, const std::string& report_json, const std::vector<LabEvent>& events,
                  std::string& error);

  // Every run, oldest first, without its seconds.
  std::vector<StoredRun> runs(std::string& error);
  std::optional<StoredRun> load(std::int64_t run, std::string& error);

 private:
  std::unique_ptr<SqliteDb> db_;
};

}  // namespace edgelab
