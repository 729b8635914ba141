#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H

// Debian's libxml2 is built with ICU, and its encoding header then includes <unicode/ucnv.h>,
// which clashes with Foundation's own ICU module ("'UErrorCode' has different definitions").
// The ICU types only appear in private fields Swift never touches: hide them first.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlschemas.h>

// xmlFree is a global function-pointer variable, which Swift 6 rejects as shared mutable state.
static inline void clibxml2_free(void *p) { xmlFree(p); }

#endif
