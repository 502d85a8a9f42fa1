#include "dialogs/add_nodes_dialog.hpp"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace edgelab::console {

AddNodesDialog::AddNodesDialog(QWidget* parent) : QDialog(parent) {
  setWindowTitle(tr("Add nodes"));
  from_file_ = new QRadioButton(tr("From a nodes file (nodes.json)"), this);
  one_node_ = new QRadioButton(tr("One node"), this);
  from_file_->setChecked(true);
  file_ = new QLineEdit(this);
  file_->setObjectName(u"nodesFile"_s);
  name_ = new QLineEdit(this);
  url_ = new QLineEdit(this);
  url_->setPlaceholderText(u"https://10.0.0.7:9443"_s);
  token_ = new QLineEdit(this);
  ca_ = new QLineEdit(this);
  ca_->setPlaceholderText(tr("optional, for https"));
  role_ = new QComboBox(this);
  role_->addItem(tr("edge"), u"edge"_s);
  role_->addItem(tr("shield"), u"shield"_s);
  error_ = new QLabel(this);
  error_->setWordWrap(true);
  error_->setStyleSheet(u"color: #d53e1e"_s);

  auto* fileForm = new QFormLayout;
  fileForm->addRow(tr("Nodes file"), pathRow(this, file_, tr("Nodes file"), tr("JSON (*.json);;All files (*)")));
  auto* nodeForm = new QFormLayout;
  nodeForm->addRow(tr("Name"), name_);
  nodeForm->addRow(tr("Admin URL"), url_);
  nodeForm->addRow(tr("Token file"), pathRow(this, token_, tr("Token file"), tr("All files (*)")));
  nodeForm->addRow(tr("CA file"), pathRow(this, ca_, tr("CA file"), tr("PEM (*.pem *.crt);;All files (*)")));
  nodeForm->addRow(tr("Role"), role_);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(from_file_);
  layout->addLayout(fileForm);
  layout->addWidget(one_node_);
  layout->addLayout(nodeForm);
  layout->addWidget(error_);
  layout->addWidget(buttons);
  connect(buttons, &QDialogButtonBox::accepted, this, &AddNodesDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &AddNodesDialog::reject);
  auto enable = [this, fileForm, nodeForm] {
    for (int i = 0; i < fileForm->count(); ++i)
      if (auto* w = fileForm->itemAt(i)->widget()) w->setEnabled(from_file_->isChecked());
    for (int i = 0; i < nodeForm->count(); ++i)
      if (auto* w = nodeForm->itemAt(i)->widget()) w->setEnabled(one_node_->isChecked());
  };
  connect(from_file_, &QRadioButton::toggled, this, enable);
  enable();
}

QWidget* AddNodesDialog::pathRow(QWidget* parent, QLineEdit* edit, const QString& title, const QString& filter) {
  auto* row = new QWidget(parent);
  auto* browse = new QPushButton(tr("Browse…"), row);
  auto* layout = new QHBoxLayout(row);
  layout->setContentsMargins(0, 0, 0, 0);
  edit->setParent(row);
  layout->addWidget(edit, 1);
  layout->addWidget(browse);
  connect(browse, &QPushButton::clicked, this, [this, edit, title, filter] {
    const QString path = QFileDialog::getOpenFileName(this, title, edit->text(), filter);
    if (!path.isEmpty()) edit->setText(path);
  });
  return row;
}

void AddNodesDialog::accept() {
  QString error;
  nodes_.clear();
  if (from_file_->isChecked()) {
    auto nodes = NodesFile::load(file_->text().trimmed(), &error);
    if (!nodes) {
      error_->setText(error);
      return;
    }
    nodes_ = *nodes;
  } else {
    QJsonObject entry{{u"name"_s, name_->text().trimmed()},
                      {u"admin_url"_s, url_->text().trimmed()},
                      {u"token_file"_s, QFileInfo(token_->text().trimmed()).absoluteFilePath()},
                      {u"role"_s, role_->currentData().toString()}};
    if (!ca_->text().trimmed().isEmpty())
      entry.insert(u"ca_file"_s, QFileInfo(ca_->text().trimmed()).absoluteFilePath());
    if (token_->text().trimmed().isEmpty()) entry.remove(u"token_file"_s);
    auto nodes = NodesFile::parse(QJsonDocument(QJsonArray{entry}).toJson(), QString(), &error);
    if (!nodes) {
      error_->setText(error);
      return;
    }
    nodes_ = *nodes;
  }
  QDialog::accept();
}

}  // namespace edgelab::console
