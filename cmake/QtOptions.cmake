# One INTERFACE target for every Qt target (widgets/, app/edgelab/, widget tests),
# like qBittorrent's CommonConfig: the project's warnings plus Qt's safety
# defines, so an implicit const char* -> QString or a connect() without a
# context object is a compile error, not a latent bug.
add_library(edgelab_qt_options INTERFACE)
target_link_libraries(edgelab_qt_options INTERFACE edgelab_options)
target_compile_definitions(edgelab_qt_options INTERFACE
  QT_NO_CAST_FROM_ASCII
  QT_NO_CAST_TO_ASCII
  QT_NO_CAST_FROM_BYTEARRAY
  QT_NO_CONTEXTLESS_CONNECT
  QT_NO_URL_CAST_FROM_STRING
  QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
  QT_USE_QSTRINGBUILDER
  QT_DISABLE_DEPRECATED_BEFORE=0x060400)
