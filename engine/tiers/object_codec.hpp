#pragma once
// The metadata of a CachedObject (everything but the body) as JSON text, for
// the disk tier's index.
#include "cache/cached_object.hpp"

#include <optional>
#include <string>

namespace edgelab {

std::string encode_object_metadata(const CachedObject& object);
// Returns nullopt on malformed metadata; the body is left empty.
std::optional<CachedObject> decode_object_metadata(std::string_view json_text);

}  // namespace edgelab
