# One INTERFACE target with the project's warnings and defines, linked by every target.
find_program(CCACHE_PROGRAM ccache)
if(CCACHE_PROGRAM)
  # ccache caches translation units built with a precompiled header only with
  # this sloppiness and, for GCC, -fpch-preprocess (ccache manual,
  # "Precompiled headers"); without them nearly every call is a miss.
  set(CMAKE_CXX_COMPILER_LAUNCHER
      ${CMAKE_COMMAND} -E env "CCACHE_SLOPPINESS=pch_defines,time_macros,include_file_mtime,include_file_ctime"
      ${CCACHE_PROGRAM})
endif()

add_library(edgelab_options INTERFACE)
target_compile_options(edgelab_options INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align
  -Woverloaded-virtual -Wimplicit-fallthrough
  $<$<CXX_COMPILER_ID:GNU>:-Wno-maybe-uninitialized> -Wno-missing-field-initializers
  $<$<AND:$<BOOL:${CCACHE_PROGRAM}>,$<CXX_COMPILER_ID:GNU>>:-fpch-preprocess>)
target_compile_definitions(edgelab_options INTERFACE
  BOOST_ASIO_NO_DEPRECATED
  BOOST_ASIO_SEPARATE_COMPILATION
  BOOST_BEAST_SEPARATE_COMPILATION
  # Room for more than two recycled handler blocks per thread: a keep-alive
  # request cycle has several async ops alive at once, and with the default
  # of 2 the rest go to malloc on every request.
  BOOST_ASIO_RECYCLING_ALLOCATOR_CACHE_SIZE=8
  BOOST_JSON_NO_LIB
  QT_NO_CAST_FROM_ASCII
  QT_NO_CONTEXTLESS_CONNECT)

if(EDGELAB_SANITIZE)
  target_compile_options(edgelab_options INTERFACE
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(edgelab_options INTERFACE -fsanitize=address,undefined)
endif()

if(EDGELAB_FUZZ)
  # Every translation unit gets libFuzzer's coverage; only fuzz targets link its main.
  target_compile_options(edgelab_options INTERFACE
    -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(edgelab_options INTERFACE -fsanitize=address,undefined)
endif()
