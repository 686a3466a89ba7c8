#pragma once
// Shared fixture: a DICOM film that carries a patient, every identifying field filled, as the
// imaging, viewer and patient-data tests need it (round trips, the tag panel's marks,
// de-identification, "no identifier leaves the machine"). Each test chooses the pixels; the
// identity and the technical header (DX, PA, chest, 12-bit window) are the same everywhere.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/imaging/film.h"
#include "core/imaging/film_writer.h"

namespace cxr::test {

// Every identifying field of a film filled; the names are unusual words so a test can search
// any output for them.
inline imaging::PatientInfo identifiedPatient(std::string name = "Doe^Jane", std::string id = "PAT-0042") {
    imaging::PatientInfo p;
    p.name = std::move(name);
    p.id = std::move(id);
    p.birthDate = "19700101";
    p.sex = "F";
    p.accessionNumber = "ACC123";
    return p;
}

// A frontal chest radiograph header around `pixels` (row-major, width x height, values within
// bitsStored) with `patient` in it. Window: the whole stored range.
inline imaging::DicomImage patientFilm(int width, int height, std::vector<std::uint16_t> pixels,
                                       imaging::PatientInfo patient = identifiedPatient(), int bitsStored = 12) {
    imaging::DicomImage image;
    image.width = width;
    image.height = height;
    image.bitsStored = bitsStored;
    image.pixels = std::move(pixels);
    const double maxValue = static_cast<double>((1u << bitsStored) - 1);
    image.windowCenter = (maxValue + 1) / 2;
    image.windowWidth = maxValue + 1;
    image.meta.modality = "DX";
    image.meta.viewPosition = "PA";
    image.meta.bodyPart = "CHEST";
    image.patient = std::move(patient);
    return image;
}

}  // namespace cxr::test
