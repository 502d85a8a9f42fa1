#include "tiers/disk_index.hpp"

#include "tiers/disk_schema.hpp"
#include "tiers/object_codec.hpp"

#include <openssl/evp.h>

#include <array>
#include <fstream>
#include <system_error>

namespace edgelab {
namespace fs = std::filesystem;
namespace {

std::string sha256(std::string_view data) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int len = 0;
  EVP_Digest(data.data(), data.size(), digest.data(), &len, EVP_sha256(), nullptr);
  return std::string(reinterpret_cast<const char*>(digest.data()), len);
}

std::string hex(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) {
    out.push_back(kDigits[c >> 4]);
    out.push_back(kDigits[c & 15]);
  }
  return out;
}

std::string join_lines(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) {
    if (!out.empty()) out += '\n';
    out += n;
  }
  return out;
}

std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> out;
  while (!text.empty()) {
    auto nl = text.find('\n');
    out.emplace_back(text.substr(0, nl));
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
  }
  return out;
}

}  // namespace

std::unique_ptr<DiskIndex> DiskIndex::open(const std::string& directory, std::uint64_t max_bytes, std::string& error) {
  std::error_code ec;
  fs::create_directories(fs::path(directory) / "bodies", ec);
  if (ec) {
    error = "cannot create " + directory + ": " + ec.message();
    return nullptr;
  }
  auto db = SqliteDb::open((fs::path(directory) / "index.sqlite").string(), error);
  if (!db) return nullptr;
  if (!ensure_disk_schema(*db, error)) return nullptr;
  // Checkpoints run when the tier chooses (after stores, when purges are
  // done), never inside the commit that acknowledges a purge.
  if (!db->exec("PRAGMA wal_autocheckpoint=0", error)) return nullptr;
  auto index = std::make_unique<DiskIndex>(std::move(db), fs::path(directory), max_bytes);
  if (!index->prepare_statements(error)) return nullptr;
  return index;
}

DiskIndex::DiskIndex(std::unique_ptr<SqliteDb> db, fs::path directory, std::uint64_t max_bytes)
    : db_(std::move(db)), directory_(std::move(directory)), max_bytes_(max_bytes) {}

bool DiskIndex::prepare_statements(std::string& error) {
  select_vary_ = db_->prepare("SELECT names FROM vary WHERE primary_key=?1", error);
  select_object_ = db_->prepare("SELECT file, size, sha256, meta, epoch, stale_at FROM objects WHERE key=?1", error);
  upsert_object_ = db_->prepare(
      "INSERT OR REPLACE INTO objects(key, primary_key, file, size, sha256, meta, last_access, epoch, stale_at, hits) "
      "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 0, 0)",
      error);
  upsert_vary_ = db_->prepare("INSERT OR REPLACE INTO vary(primary_key, names) VALUES(?1, ?2)", error);
  delete_object_ = db_->prepare("DELETE FROM objects WHERE key=?1", error);
  touch_ = db_->prepare("UPDATE objects SET last_access=?2, hits=hits+1 WHERE key=?1", error);
  by_primary_ = db_->prepare("SELECT key, file, size FROM objects WHERE primary_key=?1", error);
  delete_vary_ = db_->prepare("DELETE FROM vary WHERE primary_key=?1", error);
  delete_tags_ = db_->prepare("DELETE FROM tags WHERE key=?1", error);
  insert_tag_ = db_->prepare("INSERT OR IGNORE INTO tags(tag, key) VALUES(?1, ?2)", error);
  oldest_ = db_->prepare("SELECT key, file, size FROM objects ORDER BY last_access LIMIT 32", error);
  if (!select_vary_ || !select_object_ || !upsert_object_ || !upsert_vary_ || !delete_object_ || !touch_ || !oldest_ ||
      !by_primary_ || !delete_vary_ || !delete_tags_ || !insert_tag_)
    return false;
  SqliteStatement totals =
      db_->prepare("SELECT COALESCE(SUM(size),0), COUNT(*), COALESCE(MAX(last_access),0) FROM objects", error);
  if (!totals || !totals.step()) return false;
  bytes_ = static_cast<std::uint64_t>(totals.column_int(0));
  objects_ = static_cast<std::uint64_t>(totals.column_int(1));
  access_clock_ = std::max(access_clock_, totals.column_int(2));
  return true;
}

fs::path DiskIndex::body_path(const std::string& key) const {
  std::string name = hex(sha256(key));
  return directory_ / "bodies" / name.substr(0, 2) / name;
}

CachedObjectPtr DiskIndex::lookup(
    const std::string& primary_key,
    const std::function<void(const std::vector<std::string>&, std::string&)>& variant_key) {
  std::vector<std::string> vary;
  select_vary_.reset();
  select_vary_.bind(1, primary_key);
  if (select_vary_.step()) vary = split_lines(select_vary_.column_text(0));
  std::string key = primary_key;
  if (!vary.empty()) variant_key(vary, key);

  select_object_.reset();
  select_object_.bind(1, key);
  if (!select_object_.step()) return nullptr;
  std::string file(select_object_.column_text(0));
  std::int64_t size = select_object_.column_int(1);
  std::string expected(select_object_.column_blob(2));
  std::string meta(select_object_.column_text(3));
  const std::int64_t epoch = select_object_.column_int(4);
  const std::int64_t stale_at = select_object_.column_int(5);
  select_object_.reset();

  auto decoded = decode_object_metadata(meta);
  std::string body;
  {
    std::ifstream in(file, std::ios::binary);
    if (in) body.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (!in && !in.eof()) body.clear();
  }
  if (!decoded || sha256(body) != expected) {
    // Damaged or truncated: never served, and removed so it is refetched.
    ++corrupt_;
    remove_entry(key, file, size);
    return nullptr;
  }
  touch_.reset();
  touch_.bind(1, key).bind(2, ++access_clock_);
  touch_.step();
  auto object = stale_at > 0 ? stale_copy(*decoded, stale_at) : std::make_shared<CachedObject>(std::move(*decoded));
  object->purge_epoch = static_cast<std::uint64_t>(epoch);
  object->body = std::make_shared<const std::string>(std::move(body));
  serialize_header_block(*object);
  return object;
}

std::optional<std::string> DiskIndex::write_body(const CachedObject& object) {
  const std::string& body = object.body ? *object.body : std::string();
  fs::path path = body_path(object.key);
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  fs::path tmp = path;
  tmp += ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(body.data(), static_cast<std::streamsize>(body.size()));
    if (!out) {
      ++io_errors_;
      fs::remove(tmp, ec);
      return std::nullopt;
    }
  }
  fs::rename(tmp, path, ec);
  if (ec) {
    ++io_errors_;
    return std::nullopt;
  }
  return path.string();
}

void DiskIndex::store_batch(std::span<const CachedObject* const> objects) {
  // Bodies first (each renamed into place whole), then every row in one
  // transaction: a batch costs one commit however many objects it holds.
  std::vector<std::pair<const CachedObject*, std::string>> written;
  written.reserve(objects.size());
  for (const CachedObject* object : objects)
    if (auto path = write_body(*object)) written.emplace_back(object, std::move(*path));
  if (written.empty()) return;
  std::string error;
  db_->exec("BEGIN", error);
  std::int64_t bytes_delta = 0, objects_delta = 0;
  bool ok = true;
  for (const auto& [object, path] : written) {
    const std::string& body = object->body ? *object->body : std::string();
    std::string meta = encode_object_metadata(*object);
    const auto size = static_cast<std::int64_t>(body.size() + meta.size());
    // Replacing an entry must not count its bytes twice.
    select_object_.reset();
    select_object_.bind(1, object->key);
    if (select_object_.step()) {
      bytes_delta -= select_object_.column_int(1);
      --objects_delta;
    }
    select_object_.reset();
    upsert_object_.reset();
    upsert_object_.bind(1, object->key)
        .bind(2, object->primary_key)
        .bind(3, path)
        .bind(4, size)
        .bind_blob(5, sha256(body))
        .bind(6, meta)
        .bind(7, ++access_clock_)
        .bind(8, static_cast<std::int64_t>(object->purge_epoch));
    upsert_object_.step();
    ok = ok && upsert_object_.ok();
    delete_tags_.reset();
    delete_tags_.bind(1, object->key);
    delete_tags_.step();
    for (const auto& tag : object->tags) {
      insert_tag_.reset();
      insert_tag_.bind(1, tag).bind(2, object->key);
      insert_tag_.step();
    }
    if (!object->vary_names.empty()) {
      upsert_vary_.reset();
      upsert_vary_.bind(1, object->primary_key).bind(2, join_lines(object->vary_names));
      upsert_vary_.step();
    }
    bytes_delta += size;
    ++objects_delta;
  }
  if (!ok || !db_->exec("COMMIT", error)) {
    ++io_errors_;
    db_->exec("ROLLBACK", error);
    return;
  }
  bytes_ = static_cast<std::uint64_t>(std::max<std::int64_t>(0, static_cast<std::int64_t>(bytes_.load()) + bytes_delta));
  objects_ = static_cast<std::uint64_t>(std::max<std::int64_t>(0, static_cast<std::int64_t>(objects_.load()) + objects_delta));
  evict_to_fit();
  writes_since_checkpoint_ += written.size();
  if (writes_since_checkpoint_ >= kCheckpointEvery) checkpoint();
}

void DiskIndex::checkpoint() {
  std::string error;
  db_->exec("PRAGMA wal_checkpoint(PASSIVE)", error);
  writes_since_checkpoint_ = 0;
}

void DiskIndex::erase(const std::string& key) {
  select_object_.reset();
  select_object_.bind(1, key);
  if (!select_object_.step()) return;
  std::string file(select_object_.column_text(0));
  std::int64_t size = select_object_.column_int(1);
  select_object_.reset();
  remove_entry(key, file, size);
}

std::size_t DiskIndex::erase_all_variants(const std::string& primary_key) {
  std::vector<std::tuple<std::string, std::string, std::int64_t>> victims;
  by_primary_.reset();
  by_primary_.bind(1, primary_key);
  while (by_primary_.step())
    victims.emplace_back(by_primary_.column_text(0), by_primary_.column_text(1), by_primary_.column_int(2));
  by_primary_.reset();
  for (auto& [key, file, size] : victims) remove_entry(key, file, size);
  delete_vary_.reset();
  delete_vary_.bind(1, primary_key);
  delete_vary_.step();
  return victims.size();
}

void DiskIndex::remove_row(const std::string& key) {
  delete_object_.reset();
  delete_object_.bind(1, key);
  delete_object_.step();
  delete_tags_.reset();
  delete_tags_.bind(1, key);
  delete_tags_.step();
}

void DiskIndex::remove_entry(const std::string& key, const std::string& file, std::int64_t size) {
  remove_row(key);
  std::error_code ec;
  fs::remove(file, ec);
  bytes_ -= std::min<std::uint64_t>(bytes_.load(), static_cast<std::uint64_t>(size));
  if (objects_) --objects_;
}

void DiskIndex::evict_to_fit() {
  while (bytes_ > max_bytes_ && objects_ > 0) {
    std::vector<std::tuple<std::string, std::string, std::int64_t>> victims;
    oldest_.reset();
    while (oldest_.step()) victims.emplace_back(oldest_.column_text(0), oldest_.column_text(1), oldest_.column_int(2));
    oldest_.reset();
    if (victims.empty()) return;
    for (auto& [key, file, size] : victims) {
      if (bytes_ <= max_bytes_) break;
      remove_entry(key, file, size);
      ++evictions_;
    }
  }
}

}  // namespace edgelab
