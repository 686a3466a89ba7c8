#pragma once
// noticeText: a core notice (cxr::Notice: a code and named values) worded in the interface's
// language. The wording is the translation of the code's English text (context = the code, see
// core/common/notice_wordings.cpp), its values put in with the current QLocale, so German and
// French show decimal commas. A code this build does not know shows as core's English.
#include <vector>

#include <QString>
#include <QStringList>

#include "core/common/notice.h"

namespace cxr::ui {

QString noticeText(const Notice& notice);
QStringList noticeTexts(const std::vector<Notice>& notices);

// A number in the current locale with no group separator, `decimals` decimals ('f') or
// significant digits ('g'); for every figure the interface shows, so "0,873" in German and French.
// Files written for other programs (CSV) keep '.' and do not use it.
QString localeNumber(double value, int decimals, char format = 'f');

}  // namespace cxr::ui
