#pragma once
// A thin RAII layer over SQLite: a connection, prepared statements, and
// transactions. Errors come back as strings; nothing here throws.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace edgelab {

class SqliteStatement {
 public:
  SqliteStatement() = default;
  SqliteStatement(sqlite3* db, std::string_view sql, std::string& error);
  ~SqliteStatement();
  SqliteStatement(SqliteStatement&& other) noexcept;
  SqliteStatement& operator=(SqliteStatement&& other) noexcept;
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;

  explicit operator bool() const { return stmt_ != nullptr; }
  SqliteStatement& bind(int index, std::string_view text);
  SqliteStatement& bind_blob(int index, std::string_view bytes);
  SqliteStatement& bind(int index, std::int64_t value);
  // Returns true while a row is available; false when done or on error
  // (then ok() is false).
  bool step();
  bool ok() const { return ok_; }
  void reset();

  std::int64_t column_int(int index) const;
  std::string_view column_text(int index) const;
  std::string_view column_blob(int index) const;

 private:
  sqlite3_stmt* stmt_ = nullptr;
  bool ok_ = true;
};

class SqliteDb {
 public:
  // Opens (creating) the database; WAL journal, NORMAL synchronous.
  static std::unique_ptr<SqliteDb> open(const std::string& path, std::string& error);
  explicit SqliteDb(sqlite3* db) : db_(db) {}  // takes ownership
  ~SqliteDb();
  SqliteDb(const SqliteDb&) = delete;
  SqliteDb& operator=(const SqliteDb&) = delete;

  bool exec(std::string_view sql, std::string& error);
  SqliteStatement prepare(std::string_view sql, std::string& error);
  std::string last_error() const;
  // Rows changed by the last INSERT, UPDATE or DELETE.
  std::int64_t changes() const;
  sqlite3* handle() const { return db_; }

 private:
  sqlite3* db_ = nullptr;
};

}  // namespace edgelab
