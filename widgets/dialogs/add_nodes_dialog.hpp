#pragma once
// Fleet -> Add nodes…: either a nodes.json (the file `edgelabd ctl --nodes`
// reads) or one node by URL with its token file and, for https, a CA file.
// Accepting validates (errors name the problem); the nodes are then in nodes().
#include "api/node_endpoint.hpp"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace edgelab::console {

class AddNodesDialog : public QDialog {
  Q_OBJECT
 public:
  explicit AddNodesDialog(QWidget* parent = nullptr);
  const QList<NodeEndpoint>& nodes() const { return nodes_; }

  void accept() override;

 private:
  QWidget* pathRow(QWidget* parent, QLineEdit* edit, const QString& title, const QString& filter);

  QRadioButton* from_file_;
  QRadioButton* one_node_;
  QLineEdit* file_;
  QLineEdit* name_;
  QLineEdit* url_;
  QLineEdit* token_;
  QLineEdit* ca_;
  QComboBox* role_;
  QLabel* error_;
  QList<NodeEndpoint> nodes_;
};

}  // namespace edgelab::console
