<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>QObject</name>
    <message>
        <location filename="../ui/report/pdf_page_writer.cpp" line="+62"/>
        <source>page %1</source>
        <translation>Seite %1</translation>
    </message>
    <message>
        <location filename="../ui/report/report_renderer.cpp" line="+30"/>
        <location filename="../ui/training/phases_page.cpp" line="+36"/>
        <source>everything</source>
        <translation>alles</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>argmax (PNEUMONIA when its probability is at least 0.5)</source>
        <translation>argmax (PNEUMONIA, wenn deren Wahrscheinlichkeit mindestens 0,5 beträgt)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Youden&apos;s J (maximum sensitivity + specificity − 1) on validation</source>
        <translation>Youden-Index J (maximale Sensitivität + Spezifität − 1) auf den Validierungsdaten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the highest threshold reaching sensitivity %1 on validation</source>
        <translation>der höchste Schwellenwert, der auf den Validierungsdaten eine Sensitivität von %1 erreicht</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>population not recorded (no age check on films)</source>
        <translation>Population nicht erfasst (keine Altersprüfung der Aufnahmen)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>patients aged %1 years</source>
        <translation>Patienten im Alter von %1 Jahren</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Training configuration</source>
        <translation>Trainingskonfiguration</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Phase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Trains</source>
        <translation>Trainiert</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>LR</source>
        <translation>LR</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LR step</source>
        <translation>LR-Schritt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Gamma</source>
        <translation>Gamma</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Patience</source>
        <translation>Geduld</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Initial weights</source>
        <translation>Startgewichte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optimizer</source>
        <translation>Optimierer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1, weight decay %2%3</source>
        <translation>%1, Weight Decay %2%3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>, momentum %1</source>
        <translation>, Momentum %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Batch / image size</source>
        <translation>Batch- / Bildgröße</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 films / %2 px (cache %3 px)</source>
        <translation>%1 Aufnahmen / %2 px (Cache %3 px)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Augmentation</source>
        <translation>Augmentierung</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>random resized crop, flip, ±10° rotation, brightness/contrast</source>
        <translation>zufälliger Ausschnitt mit Skalierung, Spiegelung, Drehung ±10°, Helligkeit/Kontrast</translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+164"/>
        <location line="+1"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="-133"/>
        <source>Class weighting</source>
        <translation>Klassengewichtung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device / seed</source>
        <translation>Gerät / Seed</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Split</source>
        <translation>Aufteilung</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+37"/>
        <source>Films</source>
        <translation>Aufnahmen</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>Patients</source>
        <translation>Patienten</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Validation policy</source>
        <translation>Validierungsstrategie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Why</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data folder</source>
        <translation>Datenordner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test split</source>
        <translation>Testdaten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the data set&apos;s own test folder, never used for training, early stopping or choosing the threshold</source>
        <translation>der Testordner des Datensatzes selbst, nie für Training, frühen Abbruch oder die Wahl des Schwellenwerts verwendet</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Results on the test split</source>
        <translation>Ergebnisse auf den Testdaten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No test results: the run did not finish its evaluation.</source>
        <translation>Keine Testergebnisse: Der Lauf hat seine Auswertung nicht abgeschlossen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> (95% CI %1–%2, %3 bootstrap resamples)</source>
        <translation> (95-%-KI %1–%2, %3 Bootstrap-Stichproben)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sensitivity (PNEUMONIA)</source>
        <translation>Sensitivität (PNEUMONIA)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Specificity</source>
        <translation>Spezifität</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ROC AUC</source>
        <translation>ROC-AUC</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operating threshold</source>
        <translation>Arbeitsschwellenwert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 on P(PNEUMONIA), chosen on the validation split by %2 (validation sensitivity %3, specificity %4), then applied unchanged to test</source>
        <translation>%1 auf P(PNEUMONIA), auf den Validierungsdaten gewählt nach %2 (Sensitivität %3, Spezifität %4 in der Validierung), dann unverändert auf die Testdaten angewandt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>hand (the rule gave %1)</source>
        <translation>Hand (die Regel ergab %1)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Temperature</source>
        <translation>Temperatur</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 (fitted on validation; probabilities are softmax(logits / T))</source>
        <translation>%1 (auf den Validierungsdaten angepasst; Wahrscheinlichkeiten = softmax(Logits / T))</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>%1 (not fitted: every validation film was called right, so temperature scaling has no optimum there)</source>
        <translation>%1 (nicht angepasst: jede Validierungsaufnahme wurde richtig eingestuft, dort hat die Temperaturskalierung kein Optimum)</translation>
    </message>
    <message>
        <location line="-94"/>
        <source>flip, ±10° rotation (the seed&apos;s transforms)</source>
        <translation>Spiegelung, Drehung ±10° (die Transformationen des Ausgangsskripts)</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>%1 (the search stopped at its bound: the validation loss still falls beyond it, so this is a limit, not a fitted optimum)</source>
        <translation>%1 (die Suche endete an ihrer Grenze: der Validierungsverlust fällt darüber hinaus weiter, dies ist also eine Grenze und kein angepasstes Optimum)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Confusion matrix (rows: truth, columns: the call; counts and row percentages)</source>
        <translation>Konfusionsmatrix (Zeilen: Referenz, Spalten: Einstufung; Anzahlen und Zeilenprozente)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Classification report</source>
        <translation>Klassifikationsbericht</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../ui/results/result_charts.cpp" line="+90"/>
        <location filename="../ui/results/results_view.cpp" line="+47"/>
        <source>accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>precision</source>
        <translation>Präzision</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>recall</source>
        <translation>Recall</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>support</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Calibration on validation (T = %1)</source>
        <translation>Kalibrierung auf den Validierungsdaten (T = %1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ROC curve and calibration</source>
        <translation>ROC-Kurve und Kalibrierung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Calibration: expected calibration error (%1 bins) on validation %2 before and %3 after temperature scaling; on test %4 at T = %5.</source>
        <translation>Kalibrierung: erwarteter Kalibrierungsfehler (ECE, %1 Intervalle) auf den Validierungsdaten %2 vor und %3 nach Temperaturskalierung; auf den Testdaten %4 bei T = %5.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Training curves</source>
        <translation>Trainingskurven</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No finished epoch recorded.</source>
        <translation>Keine abgeschlossene Epoche aufgezeichnet.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>phase %1, run epoch %2 (val loss %3, val accuracy %4)</source>
        <translation>Phase %1, Epoche %2 des Laufs (Val.-Verlust %3, Val.-Genauigkeit %4)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>phase %1 after run epoch %2</source>
        <translation>Phase %1 nach Epoche %2 des Laufs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shaded bands are the three phases; stars mark each new best checkpoint, triangles early stops. The exported model is the best checkpoint: %1. Early stops: %2.</source>
        <translation>Die schattierten Bänder sind die drei Phasen; Sterne markieren jeden neuen besten Checkpoint, Dreiecke frühe Abbrüche. Das exportierte Modell ist der beste Checkpoint: %1. Frühe Abbrüche: %2.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Example test films with class activation maps</source>
        <translation>Beispielaufnahmen aus den Testdaten mit Class Activation Maps</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Grad-CAM of the PNEUMONIA logit on layer4, blended over the film (jet colour map: red areas raised the score). A map shows what the network used, not where disease is.</source>
        <translation>Grad-CAM des PNEUMONIA-Logits auf layer4, über die Aufnahme geblendet (Farbskala Jet: rote Bereiche erhöhten den Score). Die Karte zeigt, was das Netz genutzt hat, nicht wo eine Erkrankung liegt.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Reviewer agreement</source>
        <translation>Übereinstimmung der Befunder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How far the verdicts of CXR Studio&apos;s reviewers, kept in its review records, agree with this model&apos;s calls on the films it diagnosed. Each film counts once: the model&apos;s latest call against the reviewer&apos;s latest label. PNEUMONIA is the positive class. A reviewer&apos;s label is a reading, not a confirmed diagnosis, and reviewed films are not a random sample.</source>
        <translation>Wie weit die Bewertungen der Befunder von CXR Studio, festgehalten in seinem Befundungsprotokoll, mit den Einstufungen dieses Modells für die von ihm analysierten Aufnahmen übereinstimmen. Jede Aufnahme zählt einmal: die letzte Einstufung des Modells gegen den letzten Befund des Befunders. PNEUMONIA ist die positive Klasse. Der Befund eines Befunders ist eine Beurteilung, keine gesicherte Diagnose, und befundete Aufnahmen sind keine Zufallsstichprobe.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(not named)</source>
        <translation>(ohne Namen)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Films reviewed</source>
        <translation>Befundete Aufnahmen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2 in the matrix, %3 labelled “other”: outside it)</source>
        <translation>%1 (%2 in der Matrix, %3 mit dem Befund „Sonstiges“: außerhalb)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not yet reviewed</source>
        <translation>Noch nicht befundet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reviewer label (rows) against the model&apos;s call (columns)</source>
        <translation>Befund der Befunder (Zeilen) gegen die Einstufung des Modells (Spalten)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>reviewer %1</source>
        <translation>Befunder %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>model NORMAL</source>
        <translation>Modell NORMAL</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>model PNEUMONIA</source>
        <translation>Modell PNEUMONIA</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+10"/>
        <source>films</source>
        <translation>Aufnahmen</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no films</source>
        <translation>keine Aufnahmen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>figure</source>
        <translation>Kennzahl</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>95% CI (Wilson)</source>
        <translation>95-%-KI (Wilson)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>agreement</source>
        <translation>Übereinstimmung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sensitivity (PNEUMONIA)</source>
        <translation>Sensitivität (PNEUMONIA)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>specificity</source>
        <translation>Spezifität</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sensitivity: of the films reviewers labelled PNEUMONIA, the share the model called PNEUMONIA; specificity: of those labelled NORMAL, the share it called NORMAL. Wilson score intervals hold for a handful of films too; they describe these films and these reviewers only.</source>
        <translation>Sensitivität: von den Aufnahmen, die Befunder als PNEUMONIA befundet haben, der Anteil, den das Modell als PNEUMONIA eingestuft hat; Spezifität: von den als NORMAL befundeten der Anteil, den es als NORMAL eingestuft hat. Wilson-Score-Intervalle gelten auch für wenige Aufnahmen; sie beschreiben nur diese Aufnahmen und diese Befunder.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>CXR Studio training report — %1</source>
        <translation>CXR Studio – Trainingsbericht – %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CXR Studio %1 · research and teaching only, not for diagnostic use</source>
        <translation>CXR Studio %1 · nur für Forschung und Lehre, nicht zur Diagnostik</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pneumonia classifier — training report</source>
        <translation>Pneumonie-Klassifikator – Trainingsbericht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run “%1” · report made %2</source>
        <translation>Lauf „%1“ · Bericht erstellt %2</translation>
    </message>
    <message>
        <location line="-29"/>
        <location line="+32"/>
        <source>Intended use: %1</source>
        <translation>Zweckbestimmung: %1</translation>
    </message>
    <message>
        <location line="-68"/>
        <location line="+69"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ResNet18, classes %1</source>
        <translation>ResNet18, Klassen %1</translation>
    </message>
    <message>
        <location line="-68"/>
        <location line="+72"/>
        <source>Weights SHA-256</source>
        <translation>SHA-256 der Gewichte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(no exported model in this run)</source>
        <translation>(kein exportiertes Modell in diesem Lauf)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trained on</source>
        <translation>Trainiert mit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Identifiers</source>
        <translation>Identifikatoren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>included on request (film names, data folder)</source>
        <translation>auf Wunsch enthalten (Aufnahmenamen, Datenordner)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none: film names, patient ids and data paths are left out</source>
        <translation>keine: Aufnahmenamen, Patienten-IDs und Datenpfade sind ausgelassen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Notes</source>
        <translation>Hinweise</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Intended use</source>
        <translation>Zweckbestimmung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> The figures above describe this model on this data set only; a synthetic or small test split says little about real-world performance.</source>
        <translation> Die obigen Kennzahlen beschreiben nur dieses Modell auf diesem Datensatz; synthetische oder kleine Testdaten sagen wenig über die Leistung im klinischen Alltag aus.</translation>
    </message>
    <message>
        <location filename="../ui/results/cam_examples.cpp" line="+33"/>
        <source>%1 · P(PNEUMONIA) %2</source>
        <translation>%1 · P(PNEUMONIA) %2</translation>
    </message>
    <message>
        <location filename="../ui/results/confusion_matrix_widget.cpp" line="+31"/>
        <source>predicted</source>
        <translation>Einstufung</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>true</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>%1% of row</source>
        <translation>%1 % der Zeile</translation>
    </message>
    <message>
        <location filename="../ui/results/result_charts.cpp" line="-49"/>
        <source>ROC on test — AUC %1</source>
        <translation>ROC auf den Testdaten – AUC %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (95% CI %1–%2)</source>
        <translation> (95-%-KI %1–%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 − specificity</source>
        <translation>1 − Spezifität</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sensitivity</source>
        <translation>Sensitivität</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>chance</source>
        <translation>Zufall</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ROC</source>
        <translation>ROC</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>operating point</source>
        <translation>Arbeitspunkt</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>operating point (threshold %1)</source>
        <translation>Arbeitspunkt (Schwelle %1)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reliability (validation): ECE %1 → %2 at T = %3</source>
        <translation>Reliabilität (Validierung): ECE %1 → %2 bei T = %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>confidence (top class)</source>
        <translation>Konfidenz (wahrscheinlichste Klasse)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>perfect calibration</source>
        <translation>ideal</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>before (T = 1)</source>
        <translation>vorher (T = 1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>after (T = %1)</source>
        <translation>nachher (T = %1)</translation>
    </message>
    <message>
        <location filename="../ui/common/eta_text.cpp" line="+11"/>
        <source>ETA unknown</source>
        <translation>Restzeit unbekannt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ETA %1 s</source>
        <translation>noch ca. %1 s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ETA %1 min %2 s</source>
        <translation>noch ca. %1 min %2 s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ETA %1 h %2 min</source>
        <translation>noch ca. %1 h %2 min</translation>
    </message>
    <message>
        <location filename="../ui/pacs/server_list_editor.cpp" line="+21"/>
        <source>Connected: %1 answered the echo in %2 ms.</source>
        <translation>Verbunden: %1 hat das Echo in %2 ms beantwortet.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Association rejected: %1</source>
        <translation>Assoziation abgelehnt: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No answer within %1 s: %2</source>
        <translation>Keine Antwort innerhalb von %1 s: %2</translation>
    </message>
</context>
<context>
    <name>cxr::ui::AboutDialog</name>
    <message>
        <location filename="../ui/main/about_dialog.cpp" line="+22"/>
        <source>About CXR Studio</source>
        <translation>Über CXR Studio</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Chest X-ray pneumonia review: train a classifier, review its calls with Grad-CAM heat maps.</source>
        <translation>Pneumonie-Befundung am Thorax-Röntgen: einen Klassifikator trainieren und seine Einstufungen mit Grad-CAM-Heatmaps prüfen.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Model: %1</source>
        <translation>Modell: %1</translation>
    </message>
</context>
<context>
    <name>cxr::ui::AgreementDialog</name>
    <message>
        <location filename="../ui/records/agreement_dialog.cpp" line="+29"/>
        <source>no films</source>
        <translation>keine Aufnahmen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 % (95 % CI %2–%3 %)</source>
        <translation>%1 % (95-%-KI %2–%3 %)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reviewer Agreement</source>
        <translation>Übereinstimmung der Befunder</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reading the review records…</source>
        <translation>Lese das Befundungsprotokoll…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Model: Normal</source>
        <translation>Modell: Normal</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Model: Pneumonia</source>
        <translation>Modell: Pneumonie</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reviewer: Normal</source>
        <translation>Befunder: Normal</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reviewer: Pneumonia</source>
        <translation>Befunder: Pneumonie</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Rows are the reviewers&apos; latest labels (taken as the truth), columns the model&apos;s latest call; verdicts labelled Other are counted but left out of the matrix. %1</source>
        <translation>Zeilen sind die jeweils letzten Befunde der Befunder (als Referenz genommen), Spalten die letzte Einstufung des Modells; Bewertungen mit dem Befund Sonstiges werden mitgezählt, aber nicht in die Matrix aufgenommen. %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Research and teaching only. Not for diagnostic use.</source>
        <translation>Nur für Forschung und Lehre. Nicht zur Diagnostik.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Model:</source>
        <translation>&amp;Modell:</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>No model has diagnosed films here yet: open films with a model loaded, then review them with Agree (A) and Disagree (D).</source>
        <translation>Hier hat noch kein Modell Aufnahmen analysiert: Öffnen Sie Aufnahmen bei geladenem Modell und befunden Sie sie dann mit Zustimmen (A) und Widersprechen (D).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 — SHA-256 %2
%3 film(s) reviewed, %4 diagnosed but not reviewed, %5 labelled Other.</source>
        <translation>%1 – SHA-256 %2
%3 Aufnahme(n) befundet, %4 analysiert, aber nicht befundet, %5 mit dem Befund Sonstiges.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Sensitivity (reviewer Pneumonia called Pneumonia): %1
Specificity (reviewer Normal called Normal): %2
Agreement: %3</source>
        <translation>Sensitivität (Befund Pneumonie, als Pneumonie eingestuft): %1
Spezifität (Befund Normal, als Normal eingestuft): %2
Übereinstimmung: %3</translation>
    </message>
</context>
<context>
    <name>cxr::ui::CamExamplesWidget</name>
    <message>
        <location filename="../ui/results/cam_examples_widget.cpp" line="+32"/>
        <source>No examples: the run has no test predictions yet.</source>
        <translation>Keine Beispiele: Der Lauf hat noch keine Vorhersagen auf den Testdaten.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Explaining %n example film(s)…</source>
        <translation>
            <numerusform>Erkläre %n Beispielaufnahme…</numerusform>
            <numerusform>Erkläre %n Beispielaufnahmen…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Grad-CAM of the PNEUMONIA class on layer4; red marks what drove the score up.</source>
        <translation>Grad-CAM der Klasse PNEUMONIA auf layer4; Rot markiert, was den Score erhöht hat.</translation>
    </message>
</context>
<context>
    <name>cxr::ui::ClusterJobDialog</name>
    <message>
        <location filename="../ui/training/cluster_job_dialog.cpp" line="+24"/>
        <location line="+91"/>
        <location line="+67"/>
        <location line="+18"/>
        <source>Export cluster job</source>
        <translation>Cluster-Auftrag exportieren</translation>
    </message>
    <message>
        <location line="-166"/>
        <source>GPU (CUDA, NCCL)</source>
        <translation>GPU (CUDA, NCCL)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CPU (Gloo)</source>
        <translation>CPU (Gloo)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HH:MM:SS or D-HH:MM:SS</source>
        <translation>HH:MM:SS oder T-HH:MM:SS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the cluster&apos;s default</source>
        <translation>Vorgabe des Clusters</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>your default</source>
        <translation>Ihre Vorgabe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The data folder as the cluster&apos;s nodes see it</source>
        <translation>Der Datenordner, wie die Knoten des Clusters ihn sehen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The run folder on the cluster; rank 0 writes it, every node must see it</source>
        <translation>Der Laufordner auf dem Cluster; Rang 0 schreibt ihn, jeder Knoten muss ihn sehen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none: from scratch</source>
        <translation>keine: von Grund auf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ImageNet ResNet18 weights (.pth) as the cluster sees them; a run that was fine-tuned from them needs them again</source>
        <translation>ImageNet-ResNet18-Gewichte (.pth), wie der Cluster sie sieht; ein Lauf, der von ihnen aus feinabgestimmt wurde, braucht sie wieder</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The cxr program on the cluster: a name on PATH or a path</source>
        <translation>Das Programm cxr auf dem Cluster: ein Name im PATH oder ein Pfad</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nodes:</source>
        <translation>Knoten:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Device:</source>
        <translation>Gerät:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time limit:</source>
        <translation>Zeitlimit:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Partition:</source>
        <translation>Partition:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account:</source>
        <translation>Konto:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data folder on the cluster:</source>
        <translation>Datenordner auf dem Cluster:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run folder on the cluster:</source>
        <translation>Laufordner auf dem Cluster:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ImageNet weights on the cluster:</source>
        <translation>ImageNet-Gewichte auf dem Cluster:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CPU threads per rank:</source>
        <translation>CPU-Threads je Rang:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cxr program:</source>
        <translation>Programm cxr:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writes config.json, torchrun.sh and cxr-train.sbatch into a folder</source>
        <translation>Schreibt config.json, torchrun.sh und cxr-train.sbatch in einen Ordner</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>SLURM batch script (cxr-train.sbatch):</source>
        <translation>SLURM-Batch-Skript (cxr-train.sbatch):</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>GPUs per node:</source>
        <translation>GPUs je Knoten:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Processes per node:</source>
        <translation>Prozesse je Knoten:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No training config to export.</source>
        <translation>Keine Trainingskonfiguration zum Exportieren.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Wrote config.json, torchrun.sh and cxr-train.sbatch to %1. On the cluster: %2</source>
        <translation>config.json, torchrun.sh und cxr-train.sbatch nach %1 geschrieben. Auf dem Cluster: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export cluster job into</source>
        <translation>Cluster-Auftrag exportieren nach</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 already holds a cluster job. Replace its config.json, torchrun.sh and cxr-train.sbatch?</source>
        <translation>%1 enthält bereits einen Cluster-Auftrag. Seine config.json, torchrun.sh und cxr-train.sbatch ersetzen?</translation>
    </message>
</context>
<context>
    <name>cxr::ui::DataPage</name>
    <message>
        <location filename="../ui/training/data_page.cpp" line="+68"/>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a chest X-ray folder in the Kaggle layout (train, val and test folders, each with one folder per class), or let CXR Studio make a synthetic demo set.</source>
        <translation>Wählen Sie einen Ordner mit Thorax-Röntgenaufnahmen im Kaggle-Layout (Ordner train, val und test mit je einem Unterordner pro Klasse) oder lassen Sie CXR Studio einen synthetischen Demo-Datensatz erzeugen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Folder with train/ and test/ (val/ optional)</source>
        <translation>Ordner mit train/ und test/ (val/ optional)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make a demo set…</source>
        <translation>Demo-Datensatz erzeugen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Synthesizes about 600 chest films with known opacities (a few seconds)</source>
        <translation>Erzeugt etwa 600 synthetische Thoraxaufnahmen mit bekannten Verschattungen (wenige Sekunden)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Automatic (re-split train by patient when val is small)</source>
        <translation>Automatisch (train nach Patienten neu aufteilen, wenn val klein ist)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use the val folder as given</source>
        <translation>Val-Ordner unverändert verwenden</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Problems found</source>
        <translation>Gefundene Probleme</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Validation:</source>
        <translation>Validierung:</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Choose a data folder</source>
        <translation>Datenordner wählen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choose a folder for the demo set (its data go into a sub-folder “data”)</source>
        <translation>Ordner für den Demo-Datensatz wählen (die Daten kommen in einen Unterordner „data“)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Making a synthetic demo set in %1…</source>
        <translation>Erzeuge synthetischen Demo-Datensatz in %1…</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>No folder chosen yet.</source>
        <translation>Noch kein Ordner gewählt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scanning %1…</source>
        <translation>Durchsuche %1…</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Split</source>
        <translation>Aufteilung</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Films</source>
        <translation>Aufnahmen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Patients</source>
        <translation>Patienten</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>folder %1/</source>
        <translation>Ordner %1/</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>→ training</source>
        <translation>→ Training</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>→ validation</source>
        <translation>→ Validierung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>→ test</source>
        <translation>→ Test</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n film(s) in %1</source>
        <translation>
            <numerusform>%n Aufnahme in %1</numerusform>
            <numerusform>%n Aufnahmen in %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source> — a synthetic set (not real patients)</source>
        <translation> – ein synthetischer Datensatz (keine echten Patienten)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;Validation policy: %1.&lt;/b&gt; %2</source>
        <translation>&lt;b&gt;Validierungsstrategie: %1.&lt;/b&gt; %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>use the val folder</source>
        <translation>Val-Ordner verwenden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>automatic</source>
        <translation>automatisch</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Problems found (skipped, not fatal): %n</source>
        <translation>
            <numerusform>Gefundene Probleme (übersprungen, nicht fatal): %n</numerusform>
            <numerusform>Gefundene Probleme (übersprungen, nicht fatal): %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cxr::ui::DicomTagModel</name>
    <message>
        <location filename="../ui/viewer/dicom_tag_model.cpp" line="+73"/>
        <source>Identifies the patient or study. It is removed by de-identification and never written to reports.</source>
        <translation>Identifiziert Patient oder Untersuchung. Wird bei der Anonymisierung entfernt und nie in Berichte geschrieben.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>VR</source>
        <translation>VR</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
</context>
<context>
    <name>cxr::ui::ErrorReporter</name>
    <message>
        <location filename="../ui/common/error_reporter.cpp" line="+24"/>
        <source>Unknown error.</source>
        <translation>Unbekannter Fehler.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Out of memory. Close other films or programs and try again.</source>
        <translation>Nicht genügend Arbeitsspeicher. Schließen Sie andere Aufnahmen oder Programme und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Internal error: %1</source>
        <translation>Interner Fehler: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Internal error of an unknown kind.</source>
        <translation>Interner Fehler unbekannter Art.</translation>
    </message>
</context>
<context>
    <name>cxr::ui::ExportReviewedDialog</name>
    <message>
        <location filename="../ui/records/export_reviewed_dialog.cpp" line="+41"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export Reviewed Films</source>
        <translation>Befundete Aufnahmen exportieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writes every film whose latest verdict labels it Normal or Pneumonia into a new folder in the training layout (train/ and test/, NORMAL/ and PNEUMONIA/), under de-identified names, with provenance.csv saying who labelled what. DICOM films are written as the 8-bit image the model reads, so no patient data travels in the files.</source>
        <translation>Schreibt jede Aufnahme, deren letzte Bewertung sie als Normal oder Pneumonie befundet, in einen neuen Ordner im Trainingslayout (train/ und test/, NORMAL/ und PNEUMONIA/), unter anonymisierten Namen und mit einer provenance.csv, die festhält, wer was befundet hat. DICOM-Aufnahmen werden als das 8-Bit-Bild geschrieben, das das Modell liest, sodass keine Patientendaten in die Dateien gelangen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>a new or empty folder</source>
        <translation>ein neuer oder leerer Ordner</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Share of each label&apos;s films kept apart as test/ (films of one study stay together)</source>
        <translation>Anteil der Aufnahmen jedes Befunds, der als test/ beiseitegelegt wird (Aufnahmen einer Untersuchung bleiben zusammen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hard-link raster films instead of copying them (same disk only)</source>
        <translation>Rasteraufnahmen per Hardlink verknüpfen statt sie zu kopieren (nur auf demselben Datenträger)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Folder:</source>
        <translation>&amp;Ordner:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Test share:</source>
        <translation>&amp;Testanteil:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Train on These Films…</source>
        <translation>Mit diesen Aufnahmen t&amp;rainieren…</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Export Reviewed Films To</source>
        <translation>Befundete Aufnahmen exportieren nach</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Choose a new or empty folder first.</source>
        <translation>Wählen Sie zuerst einen neuen oder leeren Ordner.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Exporting…</source>
        <translation>Exportiere…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Exporting: step %1 of %2 · %3</source>
        <translation>Export: Schritt %1 von %2 · %3</translation>
    </message>
    <message numerus="yes">
        <location line="+23"/>
        <source>Exported %n film(s) to %1.</source>
        <translation>
            <numerusform>%n Aufnahme nach %1 exportiert.</numerusform>
            <numerusform>%n Aufnahmen nach %1 exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>train: %1; test: %2.</source>
        <translation>train: %1; test: %2.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n labelled Other left out.</source>
        <translation>
            <numerusform>%n mit dem Befund Sonstiges ausgelassen.</numerusform>
            <numerusform>%n mit dem Befund Sonstiges ausgelassen.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not exported: %1 film(s) whose file is gone, %2 whose file changed since it was reviewed.</source>
        <translation>Nicht exportiert: %1 Aufnahme(n), deren Datei fehlt, %2, deren Datei sich seit der Befundung geändert hat.</translation>
    </message>
</context>
<context>
    <name>cxr::ui::FilmDrop</name>
    <message>
        <location filename="../ui/diagnosis/film_drop.cpp" line="+27"/>
        <source>does not exist</source>
        <translation>existiert nicht</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>is not a regular file</source>
        <translation>ist keine reguläre Datei</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot be read (permissions)</source>
        <translation>ist nicht lesbar (Zugriffsrechte)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>cannot be read</source>
        <translation>ist nicht lesbar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>is not a DICOM, JPEG, PNG, BMP or TIFF film</source>
        <translation>ist keine DICOM-, JPEG-, PNG-, BMP- oder TIFF-Aufnahme</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Only films and folders can be dropped here.</source>
        <translation>Hier können nur Aufnahmen und Ordner abgelegt werden.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Only local files and folders can be dropped here.</source>
        <translation>Hier können nur lokale Dateien und Ordner abgelegt werden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot open: %1.</source>
        <translation>Öffnen nicht möglich: %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot open any of the %1 dropped files: %2.</source>
        <translation>Keine der %1 abgelegten Dateien kann geöffnet werden: %2.</translation>
    </message>
</context>
<context>
    <name>cxr::ui::FilmHistoryDialog</name>
    <message>
        <location filename="../ui/records/film_history_dialog.cpp" line="+46"/>
        <source>History of %1</source>
        <translation>Verlauf von %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reading the review records…</source>
        <translation>Lese das Befundungsprotokoll…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Model / reviewer</source>
        <translation>Modell / Befunder</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Call / label</source>
        <translation>Einstufung / Befund</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>P(pneumonia)</source>
        <translation>P(Pneumonie)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>threshold %1</source>
        <translation>Schwelle %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>explained by %1 on %2</source>
        <translation>erklärt mit %1 auf %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Call</source>
        <translation>Einstufung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Other: %1</source>
        <translation>Sonstiges: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Agreed</source>
        <translation>Zugestimmt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Disagreed</source>
        <translation>Widersprochen</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>%n call(s) and %1 over time, oldest first. Film SHA-256 %2.</source>
        <translation>
            <numerusform>%n Einstufung und %1 in zeitlicher Reihenfolge, älteste zuerst. SHA-256 der Aufnahme %2.</numerusform>
            <numerusform>%n Einstufungen und %1 in zeitlicher Reihenfolge, älteste zuerst. SHA-256 der Aufnahme %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n verdict(s)</source>
        <translation>
            <numerusform>%n Bewertung</numerusform>
            <numerusform>%n Bewertungen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cxr::ui::FilmImage</name>
    <message>
        <location filename="../ui/viewer/film_image.cpp" line="+57"/>
        <source>Viridis (perceptual)</source>
        <translation>Viridis (wahrnehmungsgleich)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Inferno (perceptual)</source>
        <translation>Inferno (wahrnehmungsgleich)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Jet (as pytorch-grad-cam)</source>
        <translation>Jet (wie pytorch-grad-cam)</translation>
    </message>
</context>
<context>
    <name>cxr::ui::FilmViewer</name>
    <message>
        <location filename="../ui/viewer/film_viewer.cpp" line="+70"/>
        <location line="+76"/>
        <source>No film open</source>
        <translation>Keine Aufnahme geöffnet</translation>
    </message>
    <message>
        <location line="-76"/>
        <source>Drop films or folders here, or use File ▸ Open.</source>
        <translation>Aufnahmen oder Ordner hier ablegen oder Datei ▸ Öffnen verwenden.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Zoom &amp;In</source>
        <translation>&amp;Vergrößern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Fit to Window</source>
        <translation>An Fenster &amp;anpassen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Actual Pixels (1:1)</source>
        <translation>&amp;Originalgröße (1:1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rotate &amp;Left</source>
        <translation>&amp;Links drehen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rotate &amp;Right</source>
        <translation>&amp;Rechts drehen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flip &amp;Horizontally</source>
        <translation>&amp;Horizontal spiegeln</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flip &amp;Vertically</source>
        <translation>V&amp;ertikal spiegeln</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset &amp;Orientation</source>
        <translation>Ausrichtung &amp;zurücksetzen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Invert</source>
        <translation>&amp;Invertieren</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Show &amp;Heat Map</source>
        <translation>Heat&amp;map anzeigen</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Opening %1…</source>
        <translation>Öffne %1…</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Could not open %1</source>
        <translation>%1 konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <location line="+151"/>
        <source>VOI LUT (from file)</source>
        <translation>VOI-LUT (aus Datei)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>W %1  L %2</source>
        <translation>W %1  L %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>inverted</source>
        <translation>invertiert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoom %1%</source>
        <translation>Zoom %1 %</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rotated %1°</source>
        <translation>Gedreht %1°</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Flipped</source>
        <translation>Gespiegelt</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>x %1  y %2
value %3</source>
        <translation>x %1  y %2
Wert %3</translation>
    </message>
</context>
<context>
    <name>cxr::ui::MainActions</name>
    <message>
        <location filename="../ui/main/main_actions.cpp" line="+23"/>
        <source>&amp;Open Films…</source>
        <translation>&amp;Aufnahmen öffnen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open DICOM, JPEG or PNG films</source>
        <translation>DICOM-, JPEG- oder PNG-Aufnahmen öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;Folder…</source>
        <translation>&amp;Ordner öffnen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open every film in a folder and its subfolders</source>
        <translation>Alle Aufnahmen eines Ordners und seiner Unterordner öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open from &amp;PACS…</source>
        <translation>Aus PAC&amp;S öffnen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Query a PACS and retrieve studies into the triage list</source>
        <translation>Ein PACS abfragen und Untersuchungen in die Triage-Liste abrufen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Listen for Pushed Films</source>
        <translation>Eingehende Aufnahmen emp&amp;fangen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Receive films sent by a modality or PACS (DICOM Storage SCP) and diagnose them</source>
        <translation>Von einer Modalität oder einem PACS gesendete Aufnahmen empfangen (DICOM Storage SCP) und analysieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send &amp;Results to PACS…</source>
        <translation>E&amp;rgebnisse an PACS senden…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send the film&apos;s structured report (TID 1500) and overlay into its study on a PACS</source>
        <translation>Den strukturierten Bericht (TID 1500) und die Überlagerung der Aufnahme in ihre Untersuchung auf einem PACS senden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Load Model…</source>
        <translation>Modell &amp;laden…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load a trained model: a run folder&apos;s model.json, or a seed .pth file</source>
        <translation>Trainiertes Modell laden: model.json eines Laufordners oder eine Seed-.pth-Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load Model &amp;Folder…</source>
        <translation>Modell&amp;ordner laden…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load a run folder written by training</source>
        <translation>Einen vom Training geschriebenen Laufordner laden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Train Model…</source>
        <translation>Modell &amp;trainieren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train a pneumonia classifier on a folder of films</source>
        <translation>Einen Pneumonie-Klassifikator auf einem Ordner mit Aufnahmen trainieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export Overlay PNG…</source>
        <translation>Überlagerung als &amp;PNG exportieren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the film as shown, with its heat map, at full resolution</source>
        <translation>Die Aufnahme wie angezeigt mit Heatmap in voller Auflösung speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export Triage List as &amp;CSV…</source>
        <translation>Triage-Liste als &amp;CSV exportieren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the interface language, the prediction arithmetic and the DICOM nodes</source>
        <translation>Oberflächensprache, Vorhersage-Arithmetik und DICOM-Knoten wählen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Next Film</source>
        <translation>&amp;Nächste Aufnahme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Previous Film</source>
        <translation>&amp;Vorherige Aufnahme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DICOM &amp;Tags</source>
        <translation>DICOM-&amp;Tags</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Agree with the Call</source>
        <translation>Der Einstufung &amp;zustimmen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record that you agree with the model&apos;s call on this film, then go to the next film</source>
        <translation>Festhalten, dass Sie der Einstufung des Modells für diese Aufnahme zustimmen, dann zur nächsten Aufnahme gehen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Disagree: Your Label</source>
        <translation>&amp;Widersprechen: eigener Befund</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record your own label for this film (the other class unless you chose one), then go to the next film</source>
        <translation>Ihren eigenen Befund für diese Aufnahme festhalten (die andere Klasse, sofern Sie keinen gewählt haben), dann zur nächsten Aufnahme gehen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Film &amp;History…</source>
        <translation>&amp;Verlauf der Aufnahme…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every call and verdict on this film over time</source>
        <translation>Alle Einstufungen und Bewertungen dieser Aufnahme im zeitlichen Verlauf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reviewer A&amp;greement…</source>
        <translation>Übereinstimmung der &amp;Befunder…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How far reviewers agree with each model: confusion matrix, sensitivity and specificity with 95% CIs</source>
        <translation>Wie weit die Befunder mit jedem Modell übereinstimmen: Konfusionsmatrix, Sensitivität und Spezifität mit 95-%-KI</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export Reviewed Films…</source>
        <translation>Befundete Aufnahmen &amp;exportieren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the reviewed films with the reviewers&apos; labels as a training folder</source>
        <translation>Die befundeten Aufnahmen mit den Befunden der Befunder als Trainingsordner schreiben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About CXR Studio</source>
        <translation>&amp;Über CXR Studio</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recent &amp;Models</source>
        <translation>Zuletzt verwendete &amp;Modelle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Model</source>
        <translation>&amp;Modell</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Window/Level</source>
        <translation>&amp;Fensterung</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Review</source>
        <translation>&amp;Befundung</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Main</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Window/level presets (right-drag on the film adjusts the window)</source>
        <translation>Fenster-Voreinstellungen (Ziehen mit der rechten Maustaste auf der Aufnahme passt das Fenster an)</translation>
    </message>
</context>
<context>
    <name>cxr::ui::MainWindow</name>
    <message>
        <location filename="../ui/main/main_window.cpp" line="+61"/>
        <source>CXR Studio</source>
        <translation>CXR Studio</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No model loaded</source>
        <translation>Kein Modell geladen</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DICOM Tags</source>
        <translation>DICOM-Tags</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>A pushed object was refused: %1</source>
        <translation>Ein zugesandtes Objekt wurde abgewiesen: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Last film</source>
        <translation>Letzte Aufnahme</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>Loading model %1…</source>
        <translation>Lade Modell %1…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Model loaded</source>
        <translation>Modell geladen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model %1 loaded.</source>
        <translation>Modell %1 geladen.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No model loaded (the last one failed: see the log)</source>
        <translation>Kein Modell geladen (das letzte schlug fehl: siehe Protokoll)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The last model could not be loaded: %1</source>
        <translation>Das zuletzt verwendete Modell konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+4"/>
        <source>Model not loaded</source>
        <translation>Modell nicht geladen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1

%2</source>
        <translation>%1

%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open Films</source>
        <translation>Aufnahmen öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Films (*.dcm *.dicom *.jpg *.jpeg *.png *.bmp *.tif *.tiff);;All files (*)</source>
        <translation>Aufnahmen (*.dcm *.dicom *.jpg *.jpeg *.png *.bmp *.tif *.tiff);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Open Folder of Films</source>
        <translation>Ordner mit Aufnahmen öffnen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Load Model Folder</source>
        <translation>Modellordner laden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Load Model</source>
        <translation>Modell laden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Models (model.json *.pth);;All files (*)</source>
        <translation>Modelle (model.json *.pth);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Train a Model</source>
        <translation>Modell trainieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train on a folder with NORMAL/ and PNEUMONIA/ subfolders (the Kaggle chest X-ray layout) from a terminal:

    cxr train DATA_FOLDER --out RUN_FOLDER

then load RUN_FOLDER here with Model ▸ Load Model Folder…. To try the application without data, `cxr synth` writes a synthetic set.</source>
        <translation>Trainieren Sie in einem Terminal auf einem Ordner mit den Unterordnern NORMAL/ und PNEUMONIA/ (Kaggle-Layout für Thorax-Röntgen):

    cxr train DATA_FOLDER --out RUN_FOLDER

und laden Sie RUN_FOLDER dann hier mit Modell ▸ Modellordner laden…. Um die Anwendung ohne Daten auszuprobieren, schreibt `cxr synth` einen synthetischen Datensatz.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>none loaded</source>
        <translation>keines geladen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Looking for films…</source>
        <translation>Suche Aufnahmen…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>No films found.</source>
        <translation>Keine Aufnahmen gefunden.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Opened %n film(s); %1</source>
        <translation>
            <numerusform>%n Aufnahme geöffnet; %1</numerusform>
            <numerusform>%n Aufnahmen geöffnet; %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Open from PACS</source>
        <translation>Aus PACS öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+29"/>
        <source>No DICOM node is set up yet. Add your PACS in Settings ▸ PACS first.</source>
        <translation>Noch ist kein DICOM-Knoten eingerichtet. Fügen Sie Ihr PACS zuerst unter Einstellungen ▸ PACS hinzu.</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>A retrieve is still running; wait for it or cancel it first.</source>
        <translation>Ein Abruf läuft noch; warten Sie ihn ab oder brechen Sie ihn zuerst ab.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Open a DICOM film with a model loaded first.</source>
        <translation>Laden Sie zuerst ein Modell und öffnen Sie eine DICOM-Aufnahme.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+9"/>
        <source>Send Results to PACS</source>
        <translation>Ergebnisse an PACS senden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Send to:</source>
        <translation>Senden an:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sending the results for %1 to %2…</source>
        <translation>Sende die Ergebnisse für %1 an %2…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Not listening</source>
        <translation>Empfang nicht aktiv</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+15"/>
        <source>%1 — CXR Studio</source>
        <translation>%1 – CXR Studio</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Export Overlay PNG</source>
        <translation>Überlagerung als PNG exportieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Nothing to export</source>
        <translation>Nichts zu exportieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open a film first.</source>
        <translation>Öffnen Sie zuerst eine Aufnahme.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1: could not write the PNG file.</source>
        <translation>%1: Die PNG-Datei konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Drop to open %n item(s)</source>
        <translation>
            <numerusform>Ablegen, um %n Element zu öffnen</numerusform>
            <numerusform>Ablegen, um %n Elemente zu öffnen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cxr::ui::ModelPage</name>
    <message>
        <location filename="../ui/training/model_page.cpp" line="+24"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ResNet18 with a two-class head. Three-phase fine-tuning works best from ImageNet-pretrained weights.</source>
        <translation>ResNet18 mit einem Zwei-Klassen-Kopf. Das dreiphasige Fine-Tuning funktioniert am besten mit auf ImageNet vortrainierten Gewichten.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start from ImageNet weights (torchvision resnet18 .pth file)</source>
        <translation>Mit ImageNet-Gewichten beginnen (torchvision-resnet18-.pth-Datei)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train from scratch (random weights)</source>
        <translation>Von Grund auf trainieren (Zufallsgewichte)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>e.g. resnet18-f37072fd.pth</source>
        <translation>z. B. resnet18-f37072fd.pth</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&lt;b&gt;Training from scratch.&lt;/b&gt; The seed&apos;s phases assume a pretrained backbone, so without one every phase trains all layers, keeping its learning rate and epochs. Expect lower accuracy than fine-tuning and more epochs; use it to try the workflow, not to judge the method.</source>
        <translation>&lt;b&gt;Training von Grund auf.&lt;/b&gt; Die Phasen der Vorlage setzen ein vortrainiertes Backbone voraus; ohne eines trainiert daher jede Phase alle Schichten, mit ihrer Lernrate und Epochenzahl. Rechnen Sie mit geringerer Genauigkeit als beim Feinabstimmen und mit mehr Epochen; nutzen Sie es zum Ausprobieren des Ablaufs, nicht zur Beurteilung der Methode.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>None (plain cross-entropy, as the seed script)</source>
        <translation>Keine (einfache Kreuzentropie, wie das Ausgangsskript)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Class-weighted loss (inverse class frequency)</source>
        <translation>Klassengewichteter Verlust (inverse Klassenhäufigkeit)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Class-balanced sampling</source>
        <translation>Klassenausgewogenes Sampling</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>e.g. 1-5 (completed years)</source>
        <translation>z. B. 1-5 (vollendete Lebensjahre)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ages of the patients the films came from. Films of patients outside this range get a warning when the model is used.</source>
        <translation>Alter der Patienten, von denen die Aufnahmen stammen. Aufnahmen von Patienten außerhalb dieses Bereichs erhalten bei der Anwendung des Modells eine Warnung.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. children, one hospital&apos;s paediatric ward</source>
        <translation>z. B. Kinder, Kinderstation eines Krankenhauses</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Class weighting:</source>
        <translation>Klassengewichtung:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patient ages:</source>
        <translation>Patientenalter:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Population:</source>
        <translation>Population:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>ImageNet ResNet18 weights</source>
        <translation>ImageNet-ResNet18-Gewichte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PyTorch weights (*.pth *.pt);;All files (*)</source>
        <translation>PyTorch-Gewichte (*.pth *.pt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Training split: %1 films of the larger class per film of the smaller.</source>
        <translation>Trainingsdaten: %1 Aufnahmen der größeren Klasse je Aufnahme der kleineren.</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Patient ages: “%1” is not an age range; write the youngest and the oldest age in completed years, such as 1-5.</source>
        <translation>Patientenalter: „%1“ ist kein Altersbereich; geben Sie das jüngste und das älteste Alter in vollendeten Lebensjahren an, etwa 1-5.</translation>
    </message>
</context>
<context>
    <name>cxr::ui::OverlayControls</name>
    <message>
        <location filename="../ui/diagnosis/overlay_controls.cpp" line="+41"/>
        <source>Show heat map (H)</source>
        <translation>Heatmap anzeigen (H)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Heat map opacity</source>
        <translation>Deckkraft der Heatmap</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>How the heat map is computed; changing it re-runs the explanation</source>
        <translation>Wie die Heatmap berechnet wird; eine Änderung berechnet die Erklärung neu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>layer4 (7×7, default)</source>
        <translation>layer4 (7×7, Standard)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>layer3 (14×14, finer)</source>
        <translation>layer3 (14×14, feiner)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>layer2 (28×28)</source>
        <translation>layer2 (28×28)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The network layer the map is taken from: deeper is coarser but more specific</source>
        <translation>Die Netzschicht, aus der die Karte stammt: tiefer ist gröber, aber spezifischer</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Opacity</source>
        <translation>Deckkraft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Colours</source>
        <translation>Farben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Layer</source>
        <translation>Schicht</translation>
    </message>
</context>
<context>
    <name>cxr::ui::PacsQueryDialog</name>
    <message>
        <location filename="../ui/pacs/pacs_query_dialog.cpp" line="+51"/>
        <source>Open from PACS</source>
        <translation>Aus PACS öffnen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>e.g. DOE* (wildcards * and ?)</source>
        <translation>z. B. MUSTERMANN* (Platzhalter * und ?)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>YYYYMMDD-YYYYMMDD, either side may be left open</source>
        <translation>JJJJMMTT-JJJJMMTT, jede Seite darf leer bleiben</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Search</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Node:</source>
        <translation>&amp;Knoten:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patient &amp;name:</source>
        <translation>Patienten&amp;name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patient &amp;ID:</source>
        <translation>Patienten-&amp;ID:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Study &amp;dates:</source>
        <translation>Untersuchungs&amp;datum:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Modalities:</source>
        <translation>&amp;Modalitäten:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A&amp;ccession:</source>
        <translation>&amp;Auftragsnummer:</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>&amp;Retrieve and Diagnose</source>
        <translation>Ab&amp;rufen und analysieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retrieve the selected series, or the selected studies whole, into the triage list</source>
        <translation>Die ausgewählten Serien oder die ausgewählten Untersuchungen vollständig in die Triage-Liste abrufen</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>No DICOM node is set up yet: add one in File ▸ Settings ▸ PACS.</source>
        <translation>Noch ist kein DICOM-Knoten eingerichtet: Fügen Sie einen unter Datei ▸ Einstellungen ▸ PACS hinzu.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Searching %1…</source>
        <translation>Durchsuche %1…</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>No matching studies.</source>
        <translation>Keine passenden Untersuchungen.</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n matching studies.</source>
        <translation>
            <numerusform>%n passende Untersuchung.</numerusform>
            <numerusform>%n passende Untersuchungen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cxr::ui::PacsTransfers</name>
    <message>
        <location filename="../ui/pacs/pacs_transfers.cpp" line="+40"/>
        <source>No model is loaded: there are no results to send.</source>
        <translation>Kein Modell geladen: Es gibt keine Ergebnisse zum Senden.</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>Sent %n result object(s) for %1 to %2.</source>
        <translation>
            <numerusform>%n Ergebnisobjekt für %1 an %2 gesendet.</numerusform>
            <numerusform>%n Ergebnisobjekte für %1 an %2 gesendet.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Results for %1 not sent: %2</source>
        <translation>Ergebnisse für %1 nicht gesendet: %2</translation>
    </message>
    <message numerus="yes">
        <location line="+93"/>
        <source>Retrieve cancelled: %n object(s) arrived and stay in the list.</source>
        <translation>
            <numerusform>Abruf abgebrochen: %n Objekt ist angekommen und bleibt in der Liste.</numerusform>
            <numerusform>Abruf abgebrochen: %n Objekte sind angekommen und bleiben in der Liste.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Retrieved %n object(s).</source>
        <translation>
            <numerusform>%n Objekt abgerufen.</numerusform>
            <numerusform>%n Objekte abgerufen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n kept but not diagnosed (not films).</source>
        <translation>
            <numerusform>%n behalten, aber nicht analysiert (keine Aufnahme).</numerusform>
            <numerusform>%n behalten, aber nicht analysiert (keine Aufnahmen).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>The PACS could not send %n.</source>
        <translation>
            <numerusform>Das PACS konnte %n Objekt nicht senden.</numerusform>
            <numerusform>Das PACS konnte %n Objekte nicht senden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+29"/>
        <location line="+21"/>
        <source>Listening as %1 on port %2: %n received</source>
        <translation>
            <numerusform>Empfangsbereit als %1 auf Port %2: %n empfangen</numerusform>
            <numerusform>Empfangsbereit als %1 auf Port %2: %n empfangen</numerusform>
        </translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Not listening: %1</source>
        <translation>Empfang nicht aktiv: %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Not listening</source>
        <translation>Empfang nicht aktiv</translation>
    </message>
</context>
<context>
    <name>cxr::ui::PhasesPage</name>
    <message>
        <location filename="../ui/training/phases_page.cpp" line="+28"/>
        <source>Phases</source>
        <translation>Phasen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start training</source>
        <translation>Training starten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Three-phase fine-tuning: the head alone, then layer4 with the head, then the whole network. Each phase stops early when its validation loss has not beaten the phase&apos;s own best for “Patience” epochs (or the run&apos;s best, below); the best checkpoint across all phases is kept.</source>
        <translation>Dreiphasiges Fine-Tuning: erst nur der Kopf, dann layer4 mit dem Kopf, dann das ganze Netz. Jede Phase endet vorzeitig, wenn ihr Validierungsverlust den eigenen Bestwert der Phase „Geduld“ Epochen lang nicht unterboten hat (oder den Bestwert des Laufs, siehe unten); der beste Checkpoint über alle Phasen wird behalten.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Phase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Trains</source>
        <translation>Trainiert</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>StepLR step</source>
        <translation>StepLR-Schritt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>StepLR gamma</source>
        <translation>StepLR-Gamma</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Patience</source>
        <translation>Geduld</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reset to defaults</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <location line="+25"/>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Automatic (CUDA when available)</source>
        <translation>Automatisch (CUDA, falls verfügbar)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No CUDA device was found: training runs on the CPU.</source>
        <translation>Kein CUDA-Gerät gefunden: Das Training läuft auf der CPU.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>fp32</source>
        <translation>fp32</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Automatic (bf16 on CUDA, fp32 on the CPU)</source>
        <translation>Automatisch (bf16 mit CUDA, fp32 auf der CPU)</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Export cluster job…</source>
        <translation>Cluster-Auftrag exportieren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This plan&apos;s config.json with a torchrun script and a SLURM batch script, to train it on a cluster</source>
        <translation>Die config.json dieses Plans mit einem torchrun-Skript und einem SLURM-Batch-Skript, um ihn auf einem Cluster zu trainieren</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>bf16 (faster on this processor, %1; lower AUC on real films)</source>
        <translation>bf16 (schneller auf diesem Prozessor, %1; niedrigere AUC auf echten Aufnahmen)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>bf16 (emulated on this processor: slower than fp32)</source>
        <translation>bf16 (auf diesem Prozessor emuliert: langsamer als fp32)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The arithmetic of training steps. bf16 is about twice as fast on processors with AVX512-BF16 or AMX and on GPUs; weights, checkpoints and the exported model stay fp32, and validation and the test report are computed in fp32.</source>
        <translation>Die Arithmetik der Trainingsschritte. bf16 ist auf Prozessoren mit AVX512-BF16 oder AMX und auf GPUs etwa doppelt so schnell; Gewichte, Checkpoints und das exportierte Modell bleiben fp32, Validierung und Testbericht werden in fp32 berechnet.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the phase&apos;s own best (each phase stops on its own)</source>
        <translation>dem eigenen Bestwert der Phase (jede Phase stoppt für sich)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the best of the whole run</source>
        <translation>dem Bestwert des gesamten Laufs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which validation loss an epoch must beat to count as an improvement for early stopping. The saved checkpoint is always the best of the whole run.</source>
        <translation>Welchen Validierungsverlust eine Epoche unterbieten muss, damit sie für das vorzeitige Beenden als Verbesserung zählt. Gespeichert wird immer der beste Checkpoint des gesamten Laufs.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep BatchNorm statistics of frozen layers fixed</source>
        <translation>BatchNorm-Statistiken eingefrorener Schichten festhalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Off (the default, like the seed script): the running means and variances of frozen layers still follow this data set while a phase trains other layers. On: frozen layers keep the statistics they started with.</source>
        <translation>Aus (Standard, wie im Seed-Skript): Mittelwerte und Varianzen eingefrorener Schichten folgen weiter diesem Datensatz, während eine Phase andere Schichten trainiert. An: Eingefrorene Schichten behalten ihre Anfangsstatistiken.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Resume the run in this folder</source>
        <translation>Lauf in diesem Ordner fortsetzen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Batch size:</source>
        <translation>Batchgröße:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image size:</source>
        <translation>Bildgröße:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device:</source>
        <translation>Gerät:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Precision:</source>
        <translation>Genauigkeit:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seed:</source>
        <translation>Seed:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Early stopping compares with:</source>
        <translation>Vorzeitiges Beenden vergleicht mit:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Output folder:</source>
        <translation>Ausgabeordner:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Run output folder</source>
        <translation>Ausgabeordner des Laufs</translation>
    </message>
    <message numerus="yes">
        <location line="+25"/>
        <location line="+37"/>
        <source>At most %n epoch(s) in all</source>
        <translation>
            <numerusform>Insgesamt höchstens %n Epoche</numerusform>
            <numerusform>Insgesamt höchstens %n Epochen</numerusform>
        </translation>
    </message>
    <message>
        <location line="-22"/>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Choose where the run&apos;s checkpoints, metrics and model go.</source>
        <translation>Wählen Sie, wohin Checkpoints, Metriken und Modell des Laufs geschrieben werden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;span style=&apos;color:#b00020&apos;&gt;This folder already holds a run. Tick “Resume” to continue it, or choose another folder.&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#b00020&apos;&gt;Dieser Ordner enthält bereits einen Lauf. Setzen Sie das Häkchen bei „Fortsetzen“, um ihn weiterzuführen, oder wählen Sie einen anderen Ordner.&lt;/span&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The run continues at its last finished epoch.</source>
        <translation>Der Lauf wird ab seiner letzten abgeschlossenen Epoche fortgesetzt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A new run is created here.</source>
        <translation>Hier wird ein neuer Lauf angelegt.</translation>
    </message>
</context>
<context>
    <name>cxr::ui::QueryResultModel</name>
    <message>
        <location filename="../ui/pacs/query_result_model.cpp" line="+68"/>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patient ID</source>
        <translation>Patienten-ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Modality</source>
        <translation>Modalität</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accession</source>
        <translation>Auftragsnummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Series</source>
        <translation>Serie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
</context>
<context>
    <name>cxr::ui::RecentMenu</name>
    <message>
        <location filename="../ui/main/recent_menu.cpp" line="+30"/>
        <source>(none yet)</source>
        <translation>(noch keine)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Clear List</source>
        <translation>Liste &amp;leeren</translation>
    </message>
</context>
<context>
    <name>cxr::ui::RecordsSession</name>
    <message>
        <location filename="../ui/records/records_session.cpp" line="+30"/>
        <source>Review records are off (Settings ▸ General).</source>
        <translation>Das Befundungsprotokoll ist ausgeschaltet (Einstellungen ▸ Allgemein).</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Review records unavailable: %1</source>
        <translation>Befundungsprotokoll nicht verfügbar: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Review records are read-only: %1 — calls and verdicts are not kept.</source>
        <translation>Das Befundungsprotokoll ist schreibgeschützt: %1 – Einstufungen und Bewertungen werden nicht gespeichert.</translation>
    </message>
</context>
<context>
    <name>cxr::ui::ResultPanel</name>
    <message>
        <location filename="../ui/diagnosis/result_panel.cpp" line="+81"/>
        <source>Research and teaching only. Not for diagnostic use.</source>
        <translation>Nur für Forschung und Lehre. Nicht zur Diagnostik.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Loading the model %1…
Films open meanwhile; their calls follow.</source>
        <translation>Lade das Modell %1…
Aufnahmen öffnen sich währenddessen; ihre Einstufungen folgen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No model loaded, so films open without a call.

Load a trained model: a run folder written by Train Model… or `cxr train`, or a seed X_ray_classifier.pth with class_to_index.pth beside it.

Or train one now on a folder of films (NORMAL/ and PNEUMONIA/ subfolders).</source>
        <translation>Kein Modell geladen, daher öffnen sich Aufnahmen ohne Einstufung.

Laden Sie ein trainiertes Modell: einen Laufordner aus „Modell trainieren…“ oder `cxr train`, oder eine Seed-Datei X_ray_classifier.pth mit class_to_index.pth daneben.

Oder trainieren Sie jetzt eines auf einem Ordner mit Aufnahmen (Unterordner NORMAL/ und PNEUMONIA/).</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Open or drop a film to see the model&apos;s call.</source>
        <translation>Öffnen Sie eine Aufnahme oder legen Sie sie hier ab, um die Einstufung des Modells zu sehen.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Analysing…</source>
        <translation>Analysiere…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Diagnosis failed: %1</source>
        <translation>Analyse fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Opened without a model: no call.</source>
        <translation>Ohne Modell geöffnet: keine Einstufung.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opened in %1 ms</source>
        <translation>Geöffnet in %1 ms</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>P(%1) = %2, %3 the model&apos;s threshold %4</source>
        <translation>P(%1) = %2, %3 dem Schwellenwert %4 des Modells</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>at or above</source>
        <translation>auf oder über</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>below</source>
        <translation>unter</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Analysed in %1 ms</source>
        <translation>Analysiert in %1 ms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Opened in %1 ms, analysed in %2 ms</source>
        <translation>Geöffnet in %1 ms, analysiert in %2 ms</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Explanation: %1 on %2 · model %3</source>
        <translation>Erklärung: %1 auf %2 · Modell %3</translation>
    </message>
</context>
<context>
    <name>cxr::ui::ResultsPage</name>
    <message>
        <location filename="../ui/results/results_page.cpp" line="+22"/>
        <location line="+49"/>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>The best checkpoint on the untouched test split. Research and teaching only — not for diagnostic use.</source>
        <translation>Der beste Checkpoint auf den unberührten Testdaten. Nur für Forschung und Lehre – nicht zur Diagnostik.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Use this model for review</source>
        <translation>Dieses Modell zur Befundung verwenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loads this run&apos;s model in the main window</source>
        <translation>Lädt das Modell dieses Laufs im Hauptfenster</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export PDF report…</source>
        <translation>PDF-Bericht exportieren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export cluster job…</source>
        <translation>Cluster-Auftrag exportieren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This run&apos;s config.json with a torchrun script and a SLURM batch script, to train it again on a cluster</source>
        <translation>Die config.json dieses Laufs mit einem torchrun-Skript und einem SLURM-Batch-Skript, um ihn auf einem Cluster erneut zu trainieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Include film names and the data folder (patient identifiers)</source>
        <translation>Aufnahmenamen und Datenordner aufnehmen (Patientenkennungen)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Include reviewer agreement</source>
        <translation>Übereinstimmung der Befunder aufnehmen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A last page with the reviewers&apos; verdicts against this model&apos;s calls, from the review records</source>
        <translation>Eine letzte Seite mit den Bewertungen der Befunder gegenüber den Einstufungen dieses Modells, aus dem Befundungsprotokoll</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>This model is now the review model.</source>
        <translation>Dieses Modell ist jetzt das Befundungsmodell.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Reading the review records…</source>
        <translation>Lese das Befundungsprotokoll…</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>A last page with the reviewers&apos; verdicts on %n film(s) against this model&apos;s calls, from the review records</source>
        <translation>
            <numerusform>Eine letzte Seite mit den Bewertungen der Befunder zu %n Aufnahme gegenüber den Einstufungen dieses Modells, aus dem Befundungsprotokoll</numerusform>
            <numerusform>Eine letzte Seite mit den Bewertungen der Befunder zu %n Aufnahmen gegenüber den Einstufungen dieses Modells, aus dem Befundungsprotokoll</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+12"/>
        <source>Export PDF report</source>
        <translation>PDF-Bericht exportieren</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Report written to %1</source>
        <translation>Bericht geschrieben nach %1</translation>
    </message>
</context>
<context>
    <name>cxr::ui::ResultsView</name>
    <message>
        <location filename="../ui/results/results_view.cpp" line="+35"/>
        <source>class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>precision</source>
        <translation>Präzision</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>recall</source>
        <translation>Recall</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>support</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Example test films with their class activation maps</source>
        <translation>Beispielaufnahmen aus den Testdaten mit ihren Class Activation Maps</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>&lt;b&gt;No test results yet.&lt;/b&gt; The run has not finished its evaluation.</source>
        <translation>&lt;b&gt;Noch keine Testergebnisse.&lt;/b&gt; Der Lauf hat seine Auswertung nicht abgeschlossen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source> (95% CI %1–%2)</source>
        <translation> (95-%-KI %1–%2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Test split, %1 films, threshold %2:&lt;/b&gt; accuracy %3 · sensitivity %4 · specificity %5 · AUC %6%7&lt;br&gt;On validation at this threshold: sensitivity %8 · specificity %9</source>
        <translation>&lt;b&gt;Testdaten, %1 Aufnahmen, Schwellenwert %2:&lt;/b&gt; Genauigkeit %3 · Sensitivität %4 · Spezifität %5 · AUC %6%7&lt;br&gt;Validierung bei diesem Schwellenwert: Sensitivität %8 · Spezifität %9</translation>
    </message>
</context>
<context>
    <name>cxr::ui::ReviewController</name>
    <message>
        <location filename="../ui/diagnosis/review_controller.cpp" line="+112"/>
        <source>Analysing (%1, %2)…</source>
        <translation>Analysiere (%1, %2)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opening…</source>
        <translation>Öffne…</translation>
    </message>
</context>
<context>
    <name>cxr::ui::ReviewDesk</name>
    <message>
        <location filename="../ui/main/review_desk.cpp" line="+51"/>
        <source>Verdict not recorded</source>
        <translation>Bewertung nicht gespeichert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Records: not kept</source>
        <translation>Protokoll: nicht geführt</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Records read-only</source>
        <translation>Protokoll schreibgeschützt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Records off</source>
        <translation>Protokoll aus</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 CXR Studio works on without them.</source>
        <translation>%1 CXR Studio arbeitet ohne Protokoll weiter.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Opening the review records…</source>
        <translation>Öffne das Befundungsprotokoll…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This call is not in the review records (it was made before they opened); reopen the film to record it.</source>
        <translation>Diese Einstufung steht nicht im Befundungsprotokoll (sie entstand, bevor es geöffnet war); öffnen Sie die Aufnahme erneut, um sie zu protokollieren.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>A verdict needs a film with a call and the review records.</source>
        <translation>Eine Bewertung setzt eine Aufnahme mit Einstufung und das Befundungsprotokoll voraus.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Choose your label for this film first.</source>
        <translation>Wählen Sie zuerst Ihren Befund für diese Aufnahme.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Say what the film shows instead, then press D again.</source>
        <translation>Geben Sie an, was die Aufnahme stattdessen zeigt, und drücken Sie dann erneut D.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Recorded: %1</source>
        <translation>Gespeichert: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>History needs a film in the review records.</source>
        <translation>Der Verlauf setzt eine Aufnahme im Befundungsprotokoll voraus.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Reviewer Agreement</source>
        <translation>Übereinstimmung der Befunder</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Export Reviewed Films</source>
        <translation>Befundete Aufnahmen exportieren</translation>
    </message>
</context>
<context>
    <name>cxr::ui::ReviewListModel</name>
    <message>
        <location filename="../ui/diagnosis/review_list_model.cpp" line="+122"/>
        <source>Waiting</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Analysing…</source>
        <translation>Analysiere…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No model</source>
        <translation>Kein Modell</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>✓ Agreed</source>
        <translation>✓ Zugestimmt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Other: %1</source>
        <translation>Sonstiges: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>✗ %1</source>
        <translation>✗ %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1
SHA-256 %2
Read from the review records, not recomputed.</source>
        <translation>%1
SHA-256 %2
Aus dem Befundungsprotokoll gelesen, nicht neu berechnet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1
SHA-256 %2</source>
        <translation>%1
SHA-256 %2</translation>
    </message>
    <message>
        <location line="+111"/>
        <source>Film</source>
        <translation>Aufnahme</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Call</source>
        <translation>Einstufung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>P(pneumonia)</source>
        <translation>P(Pneumonie)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Review</source>
        <translation>Befundung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Notes</source>
        <translation>Hinweise</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The latest reviewer&apos;s verdict on the model&apos;s call: agreed, or the reviewer&apos;s own label.</source>
        <translation>Die letzte Bewertung eines Befunders zur Einstufung des Modells: zugestimmt oder der eigene Befund des Befunders.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The model&apos;s probability of pneumonia; the call compares it with the model&apos;s threshold.</source>
        <translation>Die vom Modell geschätzte Wahrscheinlichkeit einer Pneumonie; die Einstufung vergleicht sie mit dem Schwellenwert des Modells.</translation>
    </message>
</context>
<context>
    <name>cxr::ui::ServerEditDialog</name>
    <message>
        <location filename="../ui/pacs/server_edit_dialog.cpp" line="+28"/>
        <source>DICOM Node</source>
        <translation>DICOM-Knoten</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+1"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C-GET (on our own connection)</source>
        <translation>C-GET (über unsere eigene Verbindung)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C-MOVE (the PACS sends to our AE title)</source>
        <translation>C-MOVE (das PACS sendet an unseren AE-Titel)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The port CXR Studio receives on during a C-MOVE; the PACS must know our calling AE title at this computer&apos;s address and this port.</source>
        <translation>Der Port, auf dem CXR Studio während eines C-MOVE empfängt; das PACS muss unseren rufenden AE-Titel mit der Adresse dieses Computers und diesem Port kennen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send the structured report and overlay after each diagnosis</source>
        <translation>Nach jeder Analyse den strukturierten Bericht und die Überlagerung senden</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;AE title:</source>
        <translation>&amp;AE-Titel:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Our AE title:</source>
        <translation>&amp;Eigener AE-Titel:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Connection timeout:</source>
        <translation>&amp;Verbindungs-Timeout:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Answer timeout:</source>
        <translation>Ant&amp;wort-Timeout:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Retrieve by:</source>
        <translation>Ab&amp;ruf per:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C-MOVE &amp;port:</source>
        <translation>C-MOVE-P&amp;ort:</translation>
    </message>
</context>
<context>
    <name>cxr::ui::ServerListEditor</name>
    <message>
        <location filename="../ui/pacs/server_list_editor.cpp" line="+7"/>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Verify</source>
        <translation>&amp;Prüfen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send a DICOM echo (C-ECHO) to the selected node</source>
        <translation>Ein DICOM-Echo (C-ECHO) an den ausgewählten Knoten senden</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Verifying %1…</source>
        <translation>Prüfe %1…</translation>
    </message>
</context>
<context>
    <name>cxr::ui::SettingsDialog</name>
    <message>
        <location filename="../ui/main/settings_dialog.cpp" line="+27"/>
        <location line="+41"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>System default (%1)</source>
        <translation>Systemstandard (%1)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Takes effect when CXR Studio is restarted.</source>
        <translation>Wird nach einem Neustart von CXR Studio wirksam.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>fp32 (the model&apos;s own arithmetic)</source>
        <translation>fp32 (die eigene Arithmetik des Modells)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>bf16 (faster on this processor: %1)</source>
        <translation>bf16 (schneller auf diesem Prozessor: %1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bf16 (faster on GPUs; emulated and slower on this processor)</source>
        <translation>bf16 (schneller auf GPUs; auf diesem Prozessor emuliert und langsamer)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>fp32 gives the probabilities the trained model gives in Python. bf16 computes the forward pass and the heat map in bfloat16: faster where the hardware has it, with probabilities a little different (see the README).</source>
        <translation>fp32 liefert die Wahrscheinlichkeiten, die das trainierte Modell in Python liefert. bf16 berechnet den Vorwärtsdurchlauf und die Heatmap in bfloat16: schneller, wo die Hardware es kann, mit leicht abweichenden Wahrscheinlichkeiten (siehe README).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Prediction arithmetic:</source>
        <translation>&amp;Vorhersage-Arithmetik:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Review records</source>
        <translation>Befundungsprotokoll</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keep calls and verdicts (the triage list reopens with them)</source>
        <translation>Einstufungen und Bewertungen &amp;protokollieren (die Triage-Liste wird mit ihnen wieder geöffnet)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The name your verdicts carry; empty: your user name on this computer</source>
        <translation>Der Name, den Ihre Bewertungen tragen; leer: Ihr Benutzername auf diesem Computer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go to the &amp;next film after a verdict</source>
        <translation>&amp;Nach einer Bewertung zur nächsten Aufnahme gehen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Also keep DICOM films&apos; patient name and &amp;ID</source>
        <translation>Auch Patientenname und -&amp;ID von DICOM-Aufnahmen speichern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Off (the default), films are known by their content&apos;s SHA-256 and DICOM UIDs only: no patient name or ID ever reaches the records. Names already kept stay; turning this off stops keeping new ones.</source>
        <translation>Aus (Standard): Aufnahmen werden nur über den SHA-256 ihres Inhalts und ihre DICOM-UIDs erkannt; weder Patientenname noch -ID gelangen je ins Protokoll. Bereits gespeicherte Namen bleiben erhalten; das Ausschalten verhindert nur, dass neue gespeichert werden.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Reviewer name:</source>
        <translation>Name des &amp;Befunders:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kept in:</source>
        <translation>Gespeichert in:</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>the application&apos;s data folder</source>
        <translation>der Datenordner der Anwendung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receiving films (File ▸ Listen for Pushed Films)</source>
        <translation>Empfang von Aufnahmen (Datei ▸ Eingehende Aufnahmen empfangen)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Our AE &amp;title:</source>
        <translation>Eigener AE-&amp;Titel:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Store in:</source>
        <translation>&amp;Speichern in:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DICOM nodes:</source>
        <translation>DICOM-Knoten:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PACS</source>
        <translation>PACS</translation>
    </message>
</context>
<context>
    <name>cxr::ui::StatusPanel</name>
    <message>
        <location filename="../ui/main/status_panel.cpp" line="+21"/>
        <source>Research and teaching only, not for diagnostic use</source>
        <translation>Nur für Forschung und Lehre, nicht zur Diagnostik</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Model %1 · %2 · SHA-256 %3 · threshold %4</source>
        <translation>Modell %1 · %2 · SHA-256 %3 · Schwelle %4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1
SHA-256 of the weights: %2</source>
        <translation>%1
SHA-256 der Gewichte: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Load a trained model (File ▸ Load Model…) or train one (Model ▸ Train Model…).</source>
        <translation>Laden Sie ein trainiertes Modell (Modell ▸ Modell laden…) oder trainieren Sie eines (Modell ▸ Modell trainieren…).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: %2 ms</source>
        <translation>%1: %2 ms</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Analysed %1 of %2</source>
        <translation>%1 von %2 analysiert</translation>
    </message>
</context>
<context>
    <name>cxr::ui::TagPanel</name>
    <message>
        <location filename="../ui/viewer/tag_panel.cpp" line="+25"/>
        <source>Filter tags…</source>
        <translation>Tags filtern…</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>No film open.</source>
        <translation>Keine Aufnahme geöffnet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No DICOM tags: this film is a %1 file.</source>
        <translation>Keine DICOM-Tags: Diese Aufnahme ist eine %1-Datei.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n patient or study field(s), marked in amber.</source>
        <translation>
            <numerusform>%n Patienten- oder Untersuchungsfeld, gelb markiert.</numerusform>
            <numerusform>%n Patienten- oder Untersuchungsfelder, gelb markiert.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No patient fields in this file.</source>
        <translation>Keine Patientenfelder in dieser Datei.</translation>
    </message>
</context>
<context>
    <name>cxr::ui::TermText</name>
    <message>
        <location filename="../ui/common/term_text.cpp" line="+12"/>
        <source>CXR Studio is a research and teaching tool. It is not a medical device and must not be used for diagnosis or treatment decisions.</source>
        <translation>CXR Studio ist ein Werkzeug für Forschung und Lehre. Es ist kein Medizinprodukt und darf nicht für Diagnose- oder Therapieentscheidungen verwendet werden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>feature extraction</source>
        <translation>Merkmalsextraktion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>shallow fine-tuning</source>
        <translation>flaches Fine-Tuning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>deep fine-tuning</source>
        <translation>tiefes Fine-Tuning</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>loss</source>
        <translation>gewichteter Verlust</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sampler</source>
        <translation>ausgewogenes Sampling</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>auto</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>folder</source>
        <translation>Val-Ordner wie vorhanden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pneumonia</source>
        <translation>Pneumonie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>macro avg</source>
        <translation>Makro-Mittel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>weighted avg</source>
        <translation>gew. Mittel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>true positive</source>
        <translation>richtig positiv</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>false positive</source>
        <translation>falsch positiv</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>true negative</source>
        <translation>richtig negativ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>false negative</source>
        <translation>falsch negativ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>train</source>
        <translation>Training</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>val</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>test</source>
        <translation>Test</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>load</source>
        <translation>Laden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>preprocess</source>
        <translation>Vorverarbeitung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>forward</source>
        <translation>Inferenz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cam</source>
        <translation>CAM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>resample</source>
        <translation>Skalierung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>total</source>
        <translation>gesamt</translation>
    </message>
</context>
<context>
    <name>cxr::ui::ThresholdPicker</name>
    <message>
        <location filename="../ui/results/threshold_picker.cpp" line="+23"/>
        <source>Back to the chosen threshold</source>
        <translation>Zurück zum gewählten Schwellenwert</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Threshold on P(PNEUMONIA):</source>
        <translation>Schwellenwert für P(PNEUMONIA):</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Chosen on the validation split by the rule “%1”: %2. Moving it here shows its effect on the test split; the exported model keeps the chosen threshold.</source>
        <translation>Auf den Validierungsdaten nach der Regel „%1“ gewählt: %2. Ein Verschieben hier zeigt die Wirkung auf die Testdaten; das exportierte Modell behält den gewählten Schwellenwert.</translation>
    </message>
</context>
<context>
    <name>cxr::ui::TrainPage</name>
    <message>
        <location filename="../ui/training/train_page.cpp" line="+48"/>
        <source>Train</source>
        <translation>Training</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training runs in the background; the window stays usable. Cancel keeps the best checkpoint so far, and Resume continues from the last finished epoch.</source>
        <translation>Das Training läuft im Hintergrund; das Fenster bleibt bedienbar. Abbrechen behält den bisher besten Checkpoint, Fortsetzen macht ab der letzten abgeschlossenen Epoche weiter.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Waiting to start</source>
        <translation>Warte auf Start</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cancel training</source>
        <translation>Training abbrechen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location line="+242"/>
        <source>validating %1/%2</source>
        <translation>validiere %1/%2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <location line="-199"/>
        <source>Cancelling: stopping within the current batch…</source>
        <translation>Breche ab: Stopp innerhalb des aktuellen Batches…</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Resuming the run in %1</source>
        <translation>Setze den Lauf in %1 fort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starting a run in %1</source>
        <translation>Starte einen Lauf in %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+46"/>
        <source>Preparing…</source>
        <translation>Vorbereitung…</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Phase %1/%2 (%3) · epoch %4 · batch %5/%6 · %7</source>
        <translation>Phase %1/%2 (%3) · Epoche %4 · Batch %5/%6 · %7</translation>
    </message>
    <message numerus="yes">
        <location line="+44"/>
        <source>Device: %1; %2 training and %3 validation films; %n epoch(s) planned</source>
        <translation>
            <numerusform>Gerät: %1; %2 Trainings- und %3 Validierungsaufnahmen; %n Epoche geplant</numerusform>
            <numerusform>Gerät: %1; %2 Trainings- und %3 Validierungsaufnahmen; %n Epochen geplant</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Resumed at phase %1, epoch %2</source>
        <translation>Fortgesetzt bei Phase %1, Epoche %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Phase %1/%2: %3 — %4 epoch(s), lr %5, %6 trainable parameters</source>
        <translation>Phase %1/%2: %3 – %4 Epoche(n), LR %5, %6 trainierbare Parameter</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Running loss %1 · running accuracy %2 · %3 images/s</source>
        <translation>Laufender Verlust %1 · laufende Genauigkeit %2 · %3 Bilder/s</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Phase %1 epoch %2: train loss %3 acc %4 · val loss %5 acc %6 · lr %7%8</source>
        <translation>Phase %1 Epoche %2: Trainingsverlust %3 Gen. %4 · Val.-Verlust %5 Gen. %6 · LR %7%8</translation>
    </message>
    <message>
        <location line="+8"/>
        <source> · new best</source>
        <translation> · neuer Bestwert</translation>
    </message>
    <message>
        <location line="+0"/>
        <source> · no improvement %1/%2</source>
        <translation> · keine Verbesserung %1/%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Best checkpoint: phase %1 epoch %2, val loss %3</source>
        <translation>Bester Checkpoint: Phase %1 Epoche %2, Val.-Verlust %3</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Phase %1 ended after %n epoch(s): %2</source>
        <translation>
            <numerusform>Phase %1 endete nach %n Epoche: %2</numerusform>
            <numerusform>Phase %1 endete nach %n Epochen: %2</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 %2/%3 · %4</source>
        <translation>%1 %2/%3 · %4</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Finished in %1 s. The model and its test report are in %2</source>
        <translation>Fertig nach %1 s. Modell und Testbericht liegen in %2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Cancelled. The best checkpoint so far is kept; Resume continues the run.</source>
        <translation>Abgebrochen. Der bisher beste Checkpoint bleibt erhalten; Fortsetzen führt den Lauf weiter.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Training failed: %1</source>
        <translation>Training fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>cxr::ui::TrainingCharts</name>
    <message>
        <location filename="../ui/training/training_charts.cpp" line="+33"/>
        <source>Loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>cross-entropy</source>
        <translation>Kreuzentropie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+14"/>
        <source>learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <location line="-12"/>
        <location line="+6"/>
        <source>running, per batch</source>
        <translation>je Batch</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>train loss</source>
        <translation>Training</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>val loss</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+6"/>
        <source>best checkpoint</source>
        <translation>Bestwert</translation>
    </message>
    <message>
        <location line="-5"/>
        <location line="+6"/>
        <source>early stop</source>
        <translation>Abbruch</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>train accuracy</source>
        <translation>Training</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>val accuracy</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <location line="+178"/>
        <source>Phase %1: %2</source>
        <translation>Phase %1: %2</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>P%1</source>
        <translation>P%1</translation>
    </message>
</context>
<context>
    <name>cxr::ui::TrainingWizard</name>
    <message>
        <location filename="../ui/training/training_wizard.cpp" line="+23"/>
        <source>Train a pneumonia model</source>
        <translation>Pneumonie-Modell trainieren</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Stop training?</source>
        <translation>Training beenden?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training is still running. Stop it now? The best checkpoint so far is kept and the run can be resumed later from the same output folder.</source>
        <translation>Das Training läuft noch. Jetzt beenden? Der bisher beste Checkpoint bleibt erhalten, und der Lauf kann später aus demselben Ausgabeordner fortgesetzt werden.</translation>
    </message>
</context>
<context>
    <name>cxr::ui::TransferBar</name>
    <message>
        <location filename="../ui/pacs/transfer_bar.cpp" line="+22"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop the retrieve; the films that arrived stay in the list</source>
        <translation>Den Abruf beenden; bereits angekommene Aufnahmen bleiben in der Liste</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Retrieving: %1 of %2, %3</source>
        <translation>Abruf: %1 von %2, %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retrieving: %1, %2</source>
        <translation>Abruf: %1, %2</translation>
    </message>
</context>
<context>
    <name>cxr::ui::TriagePanel</name>
    <message>
        <location filename="../ui/diagnosis/triage_panel.cpp" line="+30"/>
        <source>All films</source>
        <translation>Alle Aufnahmen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pneumonia calls</source>
        <translation>Einstufung Pneumonie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Normal calls</source>
        <translation>Einstufung normal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not analysed</source>
        <translation>Nicht analysiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not reviewed</source>
        <translation>Nicht befundet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reviewer disagreed</source>
        <translation>Widerspruch des Befunders</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show only films with this call or review</source>
        <translation>Nur Aufnahmen mit dieser Einstufung oder Befundung anzeigen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Show only calls by this model</source>
        <translation>Nur Einstufungen dieses Modells anzeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All models</source>
        <translation>Alle Modelle</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export the listed films and their calls as CSV</source>
        <translation>Die aufgelisteten Aufnahmen und ihre Einstufungen als CSV exportieren</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>Export Triage List</source>
        <translation>Triage-Liste exportieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%n film(s)</source>
        <translation>
            <numerusform>%n Aufnahme</numerusform>
            <numerusform>%n Aufnahmen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n pneumonia</source>
        <translation>
            <numerusform>%n Pneumonie</numerusform>
            <numerusform>%n Pneumonie</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n failed</source>
        <translation>
            <numerusform>%n fehlgeschlagen</numerusform>
            <numerusform>%n fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n waiting</source>
        <translation>
            <numerusform>%n wartend</numerusform>
            <numerusform>%n wartend</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n reviewed</source>
        <translation>
            <numerusform>%n befundet</numerusform>
            <numerusform>%n befundet</numerusform>
        </translation>
    </message>
    <message>
        <location line="+17"/>
        <source>SHA-256 %1</source>
        <translation>SHA-256 %1</translation>
    </message>
</context>
<context>
    <name>cxr::ui::VerdictBar</name>
    <message>
        <location filename="../ui/records/verdict_bar.cpp" line="+31"/>
        <source>✓ Agreed with the call</source>
        <translation>✓ Der Einstufung zugestimmt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>✗ Disagreed: other (%1)</source>
        <translation>✗ Widersprochen: Sonstiges (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>✗ Disagreed: %1</source>
        <translation>✗ Widersprochen: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 — %2, %3</source>
        <translation>%1 – %2, %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note: %1</source>
        <translation>Notiz: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your review</source>
        <translation>Ihre Befundung</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>What it is instead (e.g. effusion)</source>
        <translation>Was es stattdessen ist (z. B. Erguss)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Optional note</source>
        <translation>Optionale Notiz</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Your &amp;label:</source>
        <translation>Ihr Be&amp;fund:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Other:</source>
        <translation>&amp;Sonstiges:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Note:</source>
        <translation>&amp;Notiz:</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Other…</source>
        <translation>Sonstiges…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Not reviewed yet. A agrees with the call, D gives your label instead.</source>
        <translation>Noch nicht befundet. A stimmt der Einstufung zu, D gibt stattdessen Ihren Befund an.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The verdict buttons work once the film has a call.</source>
        <translation>Die Bewertungsschaltflächen wirken, sobald die Aufnahme eine Einstufung hat.</translation>
    </message>
</context>
<context>
    <name>cxr::ui::WindowLevel</name>
    <message>
        <location filename="../ui/viewer/window_level.cpp" line="+81"/>
        <source>Default (from file)</source>
        <translation>Standard (aus Datei)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Full range</source>
        <translation>Voller Bereich</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lung</source>
        <translation>Lunge</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bone</source>
        <translation>Knochen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Custom</source>
        <translation>Benutzerdefiniert</translation>
    </message>
</context>
<context>
    <name>data.not_a_film</name>
    <message>
        <location filename="../core/common/notice_wordings.cpp" line="+48"/>
        <source>{path}: not a film (extension {extension})</source>
        <translation>{path}: keine Aufnahme (Endung {extension})</translation>
    </message>
</context>
<context>
    <name>data.subfolder_ignored</name>
    <message>
        <location line="-2"/>
        <source>{path}: sub-folder ignored (films must sit directly in the class folder)</source>
        <translation>{path}: Unterordner ignoriert (Aufnahmen müssen direkt im Klassenordner liegen)</translation>
    </message>
</context>
<context>
    <name>data.unreadable_film_left_out</name>
    <message>
        <location line="+3"/>
        <source>unreadable film left out: {film} ({reason})</source>
        <translation>unlesbare Aufnahme ausgelassen: {film} ({reason})</translation>
    </message>
</context>
<context>
    <name>data.unreadable_film_left_out_of_run</name>
    <message>
        <location line="+1"/>
        <source>unreadable film {film} left out ({reason}); films.csv in the run folder names it</source>
        <translation>unlesbare Aufnahme {film} ausgelassen ({reason}); films.csv im Lauf-Ordner nennt sie</translation>
    </message>
</context>
<context>
    <name>device.cpu</name>
    <message>
        <location line="+24"/>
        <source>CPU, {threads} threads</source>
        <translation>CPU, {threads} Threads</translation>
    </message>
</context>
<context>
    <name>device.cuda</name>
    <message>
        <location line="+1"/>
        <source>CUDA, {devices} devices</source>
        <translation>CUDA, {devices} Geräte</translation>
    </message>
</context>
<context>
    <name>dicom.bits_stored_invalid</name>
    <message>
        <location line="-52"/>
        <source>Bits Stored {stored} is invalid; using {used}</source>
        <translation>Bits Stored {stored} ist ungültig; verwendet wird {used}</translation>
    </message>
</context>
<context>
    <name>dicom.high_bit_inconsistent</name>
    <message>
        <location line="+1"/>
        <source>High Bit {stored} is inconsistent; using {used}</source>
        <translation>High Bit {stored} ist widersprüchlich; verwendet wird {used}</translation>
    </message>
</context>
<context>
    <name>dicom.modality_lut_unreadable</name>
    <message>
        <location line="+3"/>
        <source>the Modality LUT is unreadable; using stored values</source>
        <translation>die Modality LUT ist unlesbar; die gespeicherten Werte werden verwendet</translation>
    </message>
</context>
<context>
    <name>dicom.photometric_assumed</name>
    <message>
        <location line="-2"/>
        <source>no Photometric Interpretation in the header; assuming {photometric}</source>
        <translation>keine Photometric Interpretation im Header; angenommen wird {photometric}</translation>
    </message>
</context>
<context>
    <name>dicom.rescale_slope_zero</name>
    <message>
        <location line="+1"/>
        <source>Rescale Slope is 0; ignoring the rescale</source>
        <translation>Rescale Slope ist 0; die Umskalierung wird ignoriert</translation>
    </message>
</context>
<context>
    <name>domain.body_part</name>
    <message>
        <location line="+6"/>
        <source>body part {part} is not the chest</source>
        <translation>Körperregion {part} ist nicht der Thorax</translation>
    </message>
</context>
<context>
    <name>domain.colour</name>
    <message>
        <location line="+1"/>
        <source>colour film ({photometric}) converted to grey: the model was trained on greyscale radiographs</source>
        <translation>Farbaufnahme ({photometric}) in Graustufen umgewandelt: das Modell wurde mit Graustufen-Röntgenaufnahmen trainiert</translation>
    </message>
</context>
<context>
    <name>domain.lateral</name>
    <message>
        <location line="-2"/>
        <source>lateral view ({view}): the model was trained on frontal (PA/AP) films</source>
        <translation>Seitenaufnahme ({view}): das Modell wurde mit frontalen Aufnahmen (PA/AP) trainiert</translation>
    </message>
</context>
<context>
    <name>domain.modality</name>
    <message>
        <location line="-2"/>
        <source>modality {modality} is not a radiograph (CR/DX/DR): the model was trained on chest radiographs</source>
        <translation>Modalität {modality} ist keine Röntgenaufnahme (CR/DX/DR): das Modell wurde mit Thorax-Röntgenaufnahmen trainiert</translation>
    </message>
</context>
<context>
    <name>domain.patient_older</name>
    <message>
        <location line="+8"/>
        <source>patient older than the ages the model was trained on ({min}-{max} years)</source>
        <translation>Patient älter als die Altersgruppe, mit der das Modell trainiert wurde ({min}–{max} Jahre)</translation>
    </message>
</context>
<context>
    <name>domain.patient_younger</name>
    <message>
        <location line="+1"/>
        <source>patient younger than the ages the model was trained on ({min}-{max} years)</source>
        <translation>Patient jünger als die Altersgruppe, mit der das Modell trainiert wurde ({min}–{max} Jahre)</translation>
    </message>
</context>
<context>
    <name>domain.small_film</name>
    <message>
        <location line="-3"/>
        <source>small film ({width} x {height} px, below the model&apos;s {input} px input): details are interpolated</source>
        <translation>kleine Aufnahme ({width} x {height} px, kleiner als die {input}-px-Eingabe des Modells): Details sind interpoliert</translation>
    </message>
</context>
<context>
    <name>film.blank</name>
    <message>
        <location line="-20"/>
        <source>every pixel has the same value: the film is blank</source>
        <translation>alle Pixel haben denselben Wert: die Aufnahme ist leer</translation>
    </message>
</context>
<context>
    <name>film.colour_image_to_grey</name>
    <message>
        <location line="+3"/>
        <source>colour image converted to grey (ITU-R BT.601 luma)</source>
        <translation>Farbbild in Graustufen umgewandelt (Luma nach ITU-R BT.601)</translation>
    </message>
</context>
<context>
    <name>film.colour_to_grey</name>
    <message>
        <location line="-1"/>
        <source>colour film ({photometric}) converted to grey</source>
        <translation>Farbaufnahme ({photometric}) in Graustufen umgewandelt</translation>
    </message>
</context>
<context>
    <name>film.decoded_reduced</name>
    <message>
        <location line="+5"/>
        <source>decoded at 1/{factor} scale ({width} x {height} stored)</source>
        <translation>im Maßstab 1/{factor} dekodiert ({width} x {height} gespeichert)</translation>
    </message>
</context>
<context>
    <name>film.jpeg_truncated</name>
    <message>
        <location line="-3"/>
        <source>the JPEG data ends without its end-of-image marker (truncated?): the lower part of the film may be missing</source>
        <translation>die JPEG-Daten enden ohne End-of-Image-Marke (abgeschnitten?): der untere Teil der Aufnahme kann fehlen</translation>
    </message>
</context>
<context>
    <name>film.multi_frame</name>
    <message>
        <location line="-3"/>
        <source>multi-frame file ({frames} frames): showing the first</source>
        <translation>Datei mit mehreren Frames ({frames} Frames): der erste wird gezeigt</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/studio/main.cpp" line="+30"/>
        <source>Chest X-ray pneumonia review. Research and teaching only, not for diagnostic use.</source>
        <translation>Pneumonie-Befundung am Thorax-Röntgen. Nur für Forschung und Lehre, nicht zur Diagnostik.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Load this model (run folder or .pth) instead of the last one.</source>
        <translation>Dieses Modell (Laufordner oder .pth) statt des zuletzt verwendeten laden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>trace, debug, info, warn, error or off.</source>
        <translation>trace, debug, info, warn, error oder off.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quit once the window is up (start-up timing).</source>
        <translation>Beenden, sobald das Fenster steht (Messung der Startzeit).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Films or folders to open.</source>
        <translation>Zu öffnende Aufnahmen oder Ordner.</translation>
    </message>
</context>
<context>
    <name>model.chain_assumed_bundle</name>
    <message>
        <location filename="../core/common/notice_wordings.cpp" line="+27"/>
        <source>model.json of {file} does not record its preprocessing chain; assuming: {chain}</source>
        <translation>model.json von {file} hält die Vorverarbeitung nicht fest; angenommen wird: {chain}</translation>
    </message>
</context>
<context>
    <name>model.chain_assumed_weights</name>
    <message>
        <location line="-2"/>
        <source>the weights file {file} does not record its preprocessing chain; assuming: {chain}</source>
        <translation>die Gewichtsdatei {file} hält die Vorverarbeitung nicht fest; angenommen wird: {chain}</translation>
    </message>
</context>
<context>
    <name>phase.completed</name>
    <message>
        <location line="+35"/>
        <source>completed</source>
        <translation>abgeschlossen</translation>
    </message>
</context>
<context>
    <name>phase.early_stop_phase_best</name>
    <message>
        <location line="+3"/>
        <source>early stopping (no val-loss improvement on the phase&apos;s best in {patience} epochs)</source>
        <translation>frühes Stoppen (keine Verbesserung des Validierungsverlusts gegenüber dem Bestwert der Phase in {patience} Epochen)</translation>
    </message>
</context>
<context>
    <name>phase.early_stop_run_best</name>
    <message>
        <location line="-2"/>
        <source>early stopping (no val-loss improvement on the run&apos;s best in {patience} epochs)</source>
        <translation>frühes Stoppen (keine Verbesserung des Validierungsverlusts gegenüber dem Bestwert des Laufs in {patience} Epochen)</translation>
    </message>
</context>
<context>
    <name>phase.non_finite_loss</name>
    <message>
        <location line="+4"/>
        <source>non-finite loss</source>
        <translation>Verlust nicht endlich (NaN/∞)</translation>
    </message>
</context>
<context>
    <name>precision.bf16_emulated</name>
    <message>
        <location line="-10"/>
        <source>bf16 was asked for, but this processor has no bf16 instructions (AVX512-BF16 or AMX): it is emulated and slower than fp32</source>
        <translation>bf16 wurde gewählt, aber dieser Prozessor hat keine bf16-Befehle (AVX512-BF16 oder AMX): bf16 wird emuliert und ist langsamer als fp32</translation>
    </message>
</context>
<context>
    <name>split.no_val_resplit</name>
    <message>
        <location line="-15"/>
        <source>no val folder — re-splitting train by patient, {percent}%</source>
        <translation>kein val-Ordner – train wird nach Patienten neu aufgeteilt, {percent} %</translation>
    </message>
</context>
<context>
    <name>split.small_val_resplit</name>
    <message>
        <location line="-2"/>
        <source>val has {films} films — re-splitting train by patient, {percent}% (val merged into train first)</source>
        <translation>val enthält {films} Aufnahmen – train wird nach Patienten neu aufgeteilt, {percent} % (val zuvor mit train zusammengeführt)</translation>
    </message>
</context>
<context>
    <name>split.val_as_given</name>
    <message>
        <location line="-1"/>
        <source>val has {films} films — used as given</source>
        <translation>val enthält {films} Aufnahmen – unverändert verwendet</translation>
    </message>
</context>
<context>
    <name>stage.decoding_films</name>
    <message>
        <location line="+42"/>
        <source>decoding films</source>
        <translation>Aufnahmen werden dekodiert</translation>
    </message>
</context>
<context>
    <name>stage.evaluating</name>
    <message>
        <location line="+4"/>
        <source>evaluating on validation and test</source>
        <translation>Auswertung auf Validierungs- und Testdaten</translation>
    </message>
</context>
<context>
    <name>stage.exporting</name>
    <message>
        <location line="+1"/>
        <source>exporting the model bundle</source>
        <translation>Modellpaket wird exportiert</translation>
    </message>
</context>
<context>
    <name>stage.imagenet_weights</name>
    <message>
        <location line="-6"/>
        <source>ImageNet weights: {description}</source>
        <translation>ImageNet-Gewichte: {description}</translation>
    </message>
</context>
<context>
    <name>stage.indexing</name>
    <message>
        <location line="-1"/>
        <source>indexing the data folder</source>
        <translation>Datenordner wird indiziert</translation>
    </message>
</context>
<context>
    <name>stage.predicting</name>
    <message>
        <location line="+5"/>
        <source>predicting {films}</source>
        <translation>Vorhersage für {films}</translation>
    </message>
</context>
<context>
    <name>stage.writing_cache</name>
    <message>
        <location line="-2"/>
        <source>writing film cache</source>
        <translation>Aufnahme-Cache wird geschrieben</translation>
    </message>
</context>
<context>
    <name>stage.writing_synthetic</name>
    <message>
        <location line="+1"/>
        <source>writing synthetic films</source>
        <translation>synthetische Aufnahmen werden geschrieben</translation>
    </message>
</context>
<context>
    <name>text.verbatim</name>
    <message>
        <location line="+5"/>
        <source>{text}</source>
        <translation>{text}</translation>
    </message>
</context>
<context>
    <name>training.loss_non_finite_epoch</name>
    <message>
        <location line="-16"/>
        <source>phase {phase} (&apos;{name}&apos;) stopped: the training loss became {value} by batch {batch} of {batches}; the weights of this epoch were not saved. Lower the learning rate or check the input films</source>
        <translation>Phase {phase} („{name}“) gestoppt: der Trainingsverlust wurde bis Batch {batch} von {batches} zu {value}; die Gewichte dieser Epoche wurden nicht gespeichert. Lernrate senken oder die Eingabeaufnahmen prüfen</translation>
    </message>
</context>
<context>
    <name>training.loss_non_finite_step</name>
    <message>
        <location line="-4"/>
        <source>phase {phase} (&apos;{name}&apos;) stopped: the training loss became {value} at batch {batch} of {batches}; the weights of this step were not updated and not saved. Lower the learning rate or check the input films</source>
        <translation>Phase {phase} („{name}“) gestoppt: der Trainingsverlust wurde in Batch {batch} von {batches} zu {value}; die Gewichte dieses Schritts wurden weder aktualisiert noch gespeichert. Lernrate senken oder die Eingabeaufnahmen prüfen</translation>
    </message>
</context>
<context>
    <name>training.val_loss_non_finite</name>
    <message>
        <location line="+7"/>
        <source>phase {phase} (&apos;{name}&apos;) stopped: the validation loss became {value}; the weights of this epoch were not saved. Lower the learning rate</source>
        <translation>Phase {phase} („{name}“) gestoppt: der Validierungsverlust wurde zu {value}; die Gewichte dieser Epoche wurden nicht gespeichert. Lernrate senken</translation>
    </message>
</context>
<context>
    <name>weights.from_scratch</name>
    <message>
        <location line="-30"/>
        <source>from scratch (random initialisation): expect lower accuracy than fine-tuning</source>
        <translation>von Grund auf (Zufallsinitialisierung): geringere Genauigkeit als mit Fine-Tuning zu erwarten</translation>
    </message>
</context>
<context>
    <name>weights.from_scratch_scratch_plan</name>
    <message>
        <location line="+5"/>
        <source>no ImageNet weights given (--weights resnet18.pth): training ResNet18 FROM SCRATCH. Every phase trains all layers (--plan scratch) with the phases&apos; learning rates; expect lower accuracy than ImageNet fine-tuning.</source>
        <translation>keine ImageNet-Gewichte angegeben (--weights resnet18.pth): ResNet18 wird VON GRUND AUF trainiert. Jede Phase trainiert alle Schichten (--plan scratch) mit den Lernraten der Phasen; geringere Genauigkeit als mit ImageNet-Fine-Tuning zu erwarten.</translation>
    </message>
</context>
<context>
    <name>weights.from_scratch_seed_plan</name>
    <message>
        <location line="-4"/>
        <source>no ImageNet weights given (--weights resnet18.pth): training ResNet18 FROM SCRATCH. The seed&apos;s plan (--plan seed) assumes a pretrained backbone: phases 1-2 train only the head on random features, so expect much lower accuracy than with pretrained weights.</source>
        <translation>keine ImageNet-Gewichte angegeben (--weights resnet18.pth): ResNet18 wird VON GRUND AUF trainiert. Der Plan der Vorlage (--plan seed) setzt ein vortrainiertes Backbone voraus: Phasen 1–2 trainieren nur den Kopf auf zufälligen Merkmalen, daher ist eine deutlich geringere Genauigkeit als mit vortrainierten Gewichten zu erwarten.</translation>
    </message>
</context>
<context>
    <name>weights.imagenet_file</name>
    <message>
        <location line="-2"/>
        <source>ImageNet weights ({file})</source>
        <translation>ImageNet-Gewichte ({file})</translation>
    </message>
</context>
<context>
    <name>weights.unknown_provenance</name>
    <message>
        <location line="+10"/>
        <source>ImageNet weights: ImageNet-layout ResNet18 weights of unknown provenance (SHA-256 starting {sha256}, not one of torchvision&apos;s published files)</source>
        <translation>ImageNet-Gewichte: ResNet18-Gewichte im ImageNet-Format unbekannter Herkunft (SHA-256 beginnt mit {sha256}, keine der von torchvision veröffentlichten Dateien)</translation>
    </message>
</context>
</TS>
