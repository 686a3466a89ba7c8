#pragma once
// What a DICOM header says beyond pixels: the element list for the tag panel (identifying
// elements marked), the patient/study identifiers (kept apart, never logged) and the
// technical metadata a Film carries.
#include <cstdint>
#include <vector>

#include "core/imaging/film.h"

class DcmDataset;
class DcmMetaInfo;

namespace cxr::imaging::detail {

// Patient and study identifiers, de-identification's target: group 0010, UIDs, dates, names of
// people and places, accession numbers, and private (odd-group) elements, which may hide any of those.
bool isIdentifyingTag(std::uint16_t group, std::uint16_t element);

// Top-level elements of the meta header (may be null) and the dataset, pixel data excluded.
std::vector<DicomTag> collectTags(DcmMetaInfo* meta, DcmDataset& dataset);

PatientInfo readPatientInfo(DcmDataset& dataset);

// Modality, view position, body part, manufacturer, pixel spacing (into `film`).
void readDescriptiveMetadata(DcmDataset& dataset, Film& film);

}  // namespace cxr::imaging::detail
