// Every notice code core reports and its English wording; {name} is where a value goes. The
// GUI's translations are keyed by these: lupdate reads this file (CXR_NOTICE is an alias of
// QT_TRANSLATE_NOOP, so the code is the context and the wording the source text), and the
// translation test checks that German and French word every code. A code, once shipped, keeps
// its meaning: run folders store notices by code.
#include "core/common/notice.h"

#define CXR_NOTICE(code, english) NoticeWording{code, english}

namespace cxr {

const std::vector<NoticeWording>& noticeWordings() {
    static const std::vector<NoticeWording> wordings{
        // The film loaders' remarks (imaging::Film::warnings).
        CXR_NOTICE("film.blank", "every pixel has the same value: the film is blank"),
        CXR_NOTICE("film.multi_frame", "multi-frame file ({frames} frames): showing the first"),
        CXR_NOTICE("film.colour_to_grey", "colour film ({photometric}) converted to grey"),
        CXR_NOTICE("film.colour_image_to_grey", "colour image converted to grey (ITU-R BT.601 luma)"),
        CXR_NOTICE("film.jpeg_truncated",
                   "the JPEG data ends without its end-of-image marker (truncated?): the lower part of the film "
                   "may be missing"),
        CXR_NOTICE("film.decoded_reduced", "decoded at 1/{factor} scale ({width} x {height} stored)"),
        CXR_NOTICE("dicom.bits_stored_invalid", "Bits Stored {stored} is invalid; using {used}"),
        CXR_NOTICE("dicom.high_bit_inconsistent", "High Bit {stored} is inconsistent; using {used}"),
        CXR_NOTICE("dicom.photometric_assumed", "no Photometric Interpretation in the header; assuming {photometric}"),
        CXR_NOTICE("dicom.rescale_slope_zero", "Rescale Slope is 0; ignoring the rescale"),
        CXR_NOTICE("dicom.modality_lut_unreadable", "the Modality LUT is unreadable; using stored values"),
        // Out-of-domain checks shown with every call (diagnosis::outOfDomainWarnings).
        CXR_NOTICE("domain.modality",
                   "modality {modality} is not a radiograph (CR/DX/DR): the model was trained on chest radiographs"),
        CXR_NOTICE("domain.lateral", "lateral view ({view}): the model was trained on frontal (PA/AP) films"),
        CXR_NOTICE("domain.body_part", "body part {part} is not the chest"),
        CXR_NOTICE("domain.colour",
                   "colour film ({photometric}) converted to grey: the model was trained on greyscale radiographs"),
        CXR_NOTICE("domain.small_film",
                   "small film ({width} x {height} px, below the model's {input} px input): details are interpolated"),
        CXR_NOTICE("domain.patient_older", "patient older than the ages the model was trained on ({min}-{max} years)"),
        CXR_NOTICE("domain.patient_younger",
                   "patient younger than the ages the model was trained on ({min}-{max} years)"),
        // A model that does not record its preprocessing chain.
        CXR_NOTICE("model.chain_assumed_weights",
                   "the weights file {file} does not record its preprocessing chain; assuming: {chain}"),
        CXR_NOTICE("model.chain_assumed_bundle",
                   "model.json of {file} does not record its preprocessing chain; assuming: {chain}"),
        // The data folder.
        CXR_NOTICE("data.subfolder_ignored",
                   "{path}: sub-folder ignored (films must sit directly in the class folder)"),
        CXR_NOTICE("data.not_a_film", "{path}: not a film (extension {extension})"),
        CXR_NOTICE("data.unreadable_film_left_out", "unreadable film left out: {film} ({reason})"),
        CXR_NOTICE("data.unreadable_film_left_out_of_run",
                   "unreadable film {film} left out ({reason}); films.csv in the run folder names it"),
        // How the validation split was drawn (data::SplitPlan::reason).
        CXR_NOTICE("split.val_as_given", "val has {films} films — used as given"),
        CXR_NOTICE("split.small_val_resplit",
                   "val has {films} films — re-splitting train by patient, {percent}% (val merged into train first)"),
        CXR_NOTICE("split.no_val_resplit", "no val folder — re-splitting train by patient, {percent}%"),
        // Training: initial weights, precision, phases' ends.
        CXR_NOTICE("weights.imagenet_file", "ImageNet weights ({file})"),
        CXR_NOTICE("weights.from_scratch", "from scratch (random initialisation): expect lower accuracy than fine-tuning"),
        CXR_NOTICE("weights.from_scratch_seed_plan",
                   "no ImageNet weights given (--weights resnet18.pth): training ResNet18 FROM SCRATCH. The seed's "
                   "plan (--plan seed) assumes a pretrained backbone: phases 1-2 train only the head on random "
                   "features, so expect much lower accuracy than with pretrained weights."),
        CXR_NOTICE("weights.from_scratch_scratch_plan",
                   "no ImageNet weights given (--weights resnet18.pth): training ResNet18 FROM SCRATCH. Every phase "
                   "trains all layers (--plan scratch) with the phases' learning rates; expect lower accuracy than "
                   "ImageNet fine-tuning."),
        CXR_NOTICE("weights.unknown_provenance",
                   "ImageNet weights: ImageNet-layout ResNet18 weights of unknown provenance (SHA-256 starting "
                   "{sha256}, not one of torchvision's published files)"),
        CXR_NOTICE("precision.bf16_emulated",
                   "bf16 was asked for, but this processor has no bf16 instructions (AVX512-BF16 or AMX): it is "
                   "emulated and slower than fp32"),
        CXR_NOTICE("device.cpu", "CPU, {threads} threads"),
        CXR_NOTICE("device.cuda", "CUDA, {devices} devices"),
        CXR_NOTICE("phase.completed", "completed"),
        CXR_NOTICE("phase.early_stop_run_best",
                   "early stopping (no val-loss improvement on the run's best in {patience} epochs)"),
        CXR_NOTICE("phase.early_stop_phase_best",
                   "early stopping (no val-loss improvement on the phase's best in {patience} epochs)"),
        CXR_NOTICE("phase.non_finite_loss", "non-finite loss"),
        CXR_NOTICE("training.loss_non_finite_step",
                   "phase {phase} ('{name}') stopped: the training loss became {value} at batch {batch} of {batches}; "
                   "the weights of this step were not updated and not saved. Lower the learning rate or check the "
                   "input films"),
        CXR_NOTICE("training.loss_non_finite_epoch",
                   "phase {phase} ('{name}') stopped: the training loss became {value} by batch {batch} of {batches}; "
                   "the weights of this epoch were not saved. Lower the learning rate or check the input films"),
        CXR_NOTICE("training.val_loss_non_finite",
                   "phase {phase} ('{name}') stopped: the validation loss became {value}; the weights of this epoch "
                   "were not saved. Lower the learning rate"),
        // What a long task is doing (Progress::stage), shown beside its bar and ETA.
        CXR_NOTICE("stage.indexing", "indexing the data folder"),
        CXR_NOTICE("stage.imagenet_weights", "ImageNet weights: {description}"),
        CXR_NOTICE("stage.decoding_films", "decoding films"),
        CXR_NOTICE("stage.writing_cache", "writing film cache"),
        CXR_NOTICE("stage.writing_synthetic", "writing synthetic films"),
        CXR_NOTICE("stage.predicting", "predicting {films}"),
        CXR_NOTICE("stage.evaluating", "evaluating on validation and test"),
        CXR_NOTICE("stage.exporting", "exporting the model bundle"),
        // A text stored before notices existed (older run folders): shown as it was written.
        CXR_NOTICE("text.verbatim", "{text}"),
    };
    return wordings;
}

}  // namespace cxr
