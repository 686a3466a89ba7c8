<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>QObject</name>
    <message>
        <location filename="../ui/report/pdf_page_writer.cpp" line="+62"/>
        <source>page %1</source>
        <translation>page %1</translation>
    </message>
    <message>
        <location filename="../ui/report/report_renderer.cpp" line="+30"/>
        <location filename="../ui/training/phases_page.cpp" line="+36"/>
        <source>everything</source>
        <translation>tout</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>argmax (PNEUMONIA when its probability is at least 0.5)</source>
        <translation>argmax (PNEUMONIA si sa probabilité est d’au moins 0,5)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Youden&apos;s J (maximum sensitivity + specificity − 1) on validation</source>
        <translation>indice J de Youden (sensibilité + spécificité − 1 maximale) sur la validation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the highest threshold reaching sensitivity %1 on validation</source>
        <translation>le seuil le plus élevé atteignant une sensibilité de %1 sur la validation</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>population not recorded (no age check on films)</source>
        <translation>population non renseignée (pas de contrôle de l’âge des clichés)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>patients aged %1 years</source>
        <translation>patients âgés de %1 ans</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Training configuration</source>
        <translation>Configuration de l’entraînement</translation>
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
        <translation>Entraîne</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Epochs</source>
        <translation>Époques</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>LR</source>
        <translation>TA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LR step</source>
        <translation>Pas du TA</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Gamma</source>
        <translation>Gamma</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Patience</source>
        <translation>Patience</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Initial weights</source>
        <translation>Poids initiaux</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optimizer</source>
        <translation>Optimiseur</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1, weight decay %2%3</source>
        <translation>%1, décroissance des poids %2%3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>, momentum %1</source>
        <translation>, moment %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Batch / image size</source>
        <translation>Taille de lot / d’image</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 films / %2 px (cache %3 px)</source>
        <translation>%1 clichés / %2 px (cache %3 px)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Augmentation</source>
        <translation>Augmentation</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>random resized crop, flip, ±10° rotation, brightness/contrast</source>
        <translation>recadrage aléatoire redimensionné, retournement, rotation ±10°, luminosité/contraste</translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+164"/>
        <location line="+1"/>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <location line="-133"/>
        <source>Class weighting</source>
        <translation>Pondération des classes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device / seed</source>
        <translation>Appareil / graine</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Data</source>
        <translation>Données</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Split</source>
        <translation>Partition</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+37"/>
        <source>Films</source>
        <translation>Clichés</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>Patients</source>
        <translation>Patients</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Validation policy</source>
        <translation>Stratégie de validation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Why</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data folder</source>
        <translation>Dossier de données</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test split</source>
        <translation>Partition de test</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the data set&apos;s own test folder, never used for training, early stopping or choosing the threshold</source>
        <translation>le dossier de test du jeu de données, jamais utilisé pour l’entraînement, l’arrêt précoce ni le choix du seuil</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Results on the test split</source>
        <translation>Résultats sur la partition de test</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No test results: the run did not finish its evaluation.</source>
        <translation>Pas de résultats de test&#xa0;: l’entraînement n’a pas terminé son évaluation.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> (95% CI %1–%2, %3 bootstrap resamples)</source>
        <translation> (IC à 95&#xa0;% %1–%2, %3 rééchantillonnages bootstrap)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Accuracy</source>
        <translation>Exactitude</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sensitivity (PNEUMONIA)</source>
        <translation>Sensibilité (PNEUMONIA)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Specificity</source>
        <translation>Spécificité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ROC AUC</source>
        <translation>AUC ROC</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operating threshold</source>
        <translation>Seuil de fonctionnement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 on P(PNEUMONIA), chosen on the validation split by %2 (validation sensitivity %3, specificity %4), then applied unchanged to test</source>
        <translation>%1 sur P(PNEUMONIA), choisi sur la partition de validation selon %2 (sensibilité %3, spécificité %4 en validation), puis appliqué tel quel au test</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>hand (the rule gave %1)</source>
        <translation>réglage manuel (la règle donnait %1)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Temperature</source>
        <translation>Température</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 (fitted on validation; probabilities are softmax(logits / T))</source>
        <translation>%1 (ajustée sur la validation&#xa0;; probabilités = softmax(logits / T))</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>%1 (not fitted: every validation film was called right, so temperature scaling has no optimum there)</source>
        <translation>%1 (non ajustée&#xa0;: chaque cliché de validation a été bien classé, la mise à l’échelle de température n’y a pas d’optimum)</translation>
    </message>
    <message>
        <location line="-94"/>
        <source>flip, ±10° rotation (the seed&apos;s transforms)</source>
        <translation>retournement, rotation ±10° (les transformations du script d&apos;origine)</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>%1 (the search stopped at its bound: the validation loss still falls beyond it, so this is a limit, not a fitted optimum)</source>
        <translation>%1 (la recherche s’est arrêtée à sa borne&#xa0;: la perte de validation diminue encore au-delà, c’est donc une limite et non un optimum ajusté)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Confusion matrix (rows: truth, columns: the call; counts and row percentages)</source>
        <translation>Matrice de confusion (lignes&#xa0;: référence, colonnes&#xa0;: décision&#xa0;; effectifs et pourcentages par ligne)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Classification report</source>
        <translation>Rapport de classification</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../ui/results/result_charts.cpp" line="+90"/>
        <location filename="../ui/results/results_view.cpp" line="+47"/>
        <source>accuracy</source>
        <translation>exactitude</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>class</source>
        <translation>classe</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>precision</source>
        <translation>précision</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>recall</source>
        <translation>rappel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>support</source>
        <translation>effectif</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Calibration on validation (T = %1)</source>
        <translation>Calibration sur la validation (T = %1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ROC curve and calibration</source>
        <translation>Courbe ROC et calibration</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Calibration: expected calibration error (%1 bins) on validation %2 before and %3 after temperature scaling; on test %4 at T = %5.</source>
        <translation>Calibration&#xa0;: erreur de calibration attendue (ECE, %1 intervalles) sur la validation %2 avant et %3 après mise à l’échelle de température&#xa0;; sur le test %4 à T = %5.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Training curves</source>
        <translation>Courbes d’entraînement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No finished epoch recorded.</source>
        <translation>Aucune époque terminée enregistrée.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>phase %1, run epoch %2 (val loss %3, val accuracy %4)</source>
        <translation>phase %1, époque %2 de l’entraînement (perte val. %3, exactitude val. %4)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>phase %1 after run epoch %2</source>
        <translation>phase %1 après l’époque %2 de l’entraînement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shaded bands are the three phases; stars mark each new best checkpoint, triangles early stops. The exported model is the best checkpoint: %1. Early stops: %2.</source>
        <translation>Les bandes grisées sont les trois phases&#xa0;; les étoiles marquent chaque nouveau meilleur point de contrôle, les triangles les arrêts précoces. Le modèle exporté est le meilleur point de contrôle&#xa0;: %1. Arrêts précoces&#xa0;: %2.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Example test films with class activation maps</source>
        <translation>Exemples de clichés de test avec cartes d’activation de classe</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Grad-CAM of the PNEUMONIA logit on layer4, blended over the film (jet colour map: red areas raised the score). A map shows what the network used, not where disease is.</source>
        <translation>Grad-CAM du logit PNEUMONIA sur layer4, superposé au cliché (palette jet&#xa0;: les zones rouges ont augmenté le score). Une carte montre ce que le réseau a utilisé, pas où se trouve la maladie.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Reviewer agreement</source>
        <translation>Accord des relecteurs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How far the verdicts of CXR Studio&apos;s reviewers, kept in its review records, agree with this model&apos;s calls on the films it diagnosed. Each film counts once: the model&apos;s latest call against the reviewer&apos;s latest label. PNEUMONIA is the positive class. A reviewer&apos;s label is a reading, not a confirmed diagnosis, and reviewed films are not a random sample.</source>
        <translation>Dans quelle mesure les avis des relecteurs de CXR Studio, conservés dans son registre de relecture, concordent avec les décisions de ce modèle sur les clichés qu’il a analysés. Chaque cliché compte une fois&#xa0;: la dernière décision du modèle face à la dernière étiquette du relecteur. PNEUMONIA est la classe positive. L’étiquette d’un relecteur est une lecture, pas un diagnostic confirmé, et les clichés relus ne constituent pas un échantillon aléatoire.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(not named)</source>
        <translation>(sans nom)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Films reviewed</source>
        <translation>Clichés relus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2 in the matrix, %3 labelled “other”: outside it)</source>
        <translation>%1 (%2 dans la matrice, %3 étiquetés «&#xa0;autre&#xa0;»&#xa0;: hors de celle-ci)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not yet reviewed</source>
        <translation>Pas encore relus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reviewer label (rows) against the model&apos;s call (columns)</source>
        <translation>Étiquette du relecteur (lignes) face à la décision du modèle (colonnes)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>reviewer %1</source>
        <translation>relecteur %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>model NORMAL</source>
        <translation>modèle NORMAL</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>model PNEUMONIA</source>
        <translation>modèle PNEUMONIA</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+10"/>
        <source>films</source>
        <translation>clichés</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>n/a</source>
        <translation>n.&#xa0;d.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no films</source>
        <translation>aucun cliché</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>figure</source>
        <translation>indicateur</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>value</source>
        <translation>valeur</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>95% CI (Wilson)</source>
        <translation>IC à 95&#xa0;% (Wilson)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>agreement</source>
        <translation>accord</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sensitivity (PNEUMONIA)</source>
        <translation>sensibilité (PNEUMONIA)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>specificity</source>
        <translation>spécificité</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sensitivity: of the films reviewers labelled PNEUMONIA, the share the model called PNEUMONIA; specificity: of those labelled NORMAL, the share it called NORMAL. Wilson score intervals hold for a handful of films too; they describe these films and these reviewers only.</source>
        <translation>Sensibilité&#xa0;: parmi les clichés que les relecteurs ont étiquetés PNEUMONIA, la part que le modèle a classée PNEUMONIA&#xa0;; spécificité&#xa0;: parmi ceux étiquetés NORMAL, la part qu’il a classée NORMAL. Les intervalles de score de Wilson restent valables pour quelques clichés&#xa0;; ils ne décrivent que ces clichés et ces relecteurs.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>CXR Studio training report — %1</source>
        <translation>CXR Studio — rapport d’entraînement — %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CXR Studio %1 · research and teaching only, not for diagnostic use</source>
        <translation>CXR Studio %1 · recherche et enseignement uniquement, pas d’usage diagnostique</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pneumonia classifier — training report</source>
        <translation>Classifieur de pneumonie — rapport d’entraînement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run “%1” · report made %2</source>
        <translation>Entraînement «&#xa0;%1&#xa0;» · rapport établi le %2</translation>
    </message>
    <message>
        <location line="-29"/>
        <location line="+32"/>
        <source>Intended use: %1</source>
        <translation>Usage prévu&#xa0;: %1</translation>
    </message>
    <message>
        <location line="-68"/>
        <location line="+69"/>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ResNet18, classes %1</source>
        <translation>ResNet18, classes %1</translation>
    </message>
    <message>
        <location line="-68"/>
        <location line="+72"/>
        <source>Weights SHA-256</source>
        <translation>SHA-256 des poids</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(no exported model in this run)</source>
        <translation>(aucun modèle exporté dans cet entraînement)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trained on</source>
        <translation>Entraîné sur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Identifiers</source>
        <translation>Identifiants</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>included on request (film names, data folder)</source>
        <translation>inclus sur demande (noms des clichés, dossier de données)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none: film names, patient ids and data paths are left out</source>
        <translation>aucun&#xa0;: noms des clichés, identifiants patients et chemins de données sont omis</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Notes</source>
        <translation>Remarques</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Intended use</source>
        <translation>Usage prévu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> The figures above describe this model on this data set only; a synthetic or small test split says little about real-world performance.</source>
        <translation> Les chiffres ci-dessus décrivent ce modèle sur ce jeu de données uniquement&#xa0;; une partition de test synthétique ou petite dit peu des performances en conditions réelles.</translation>
    </message>
    <message>
        <location filename="../ui/results/cam_examples.cpp" line="+33"/>
        <source>%1 · P(PNEUMONIA) %2</source>
        <translation>%1 · P(PNEUMONIA) %2</translation>
    </message>
    <message>
        <location filename="../ui/results/confusion_matrix_widget.cpp" line="+31"/>
        <source>predicted</source>
        <translation>décision</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>true</source>
        <translation>référence</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>%1% of row</source>
        <translation>%1&#xa0;% de la ligne</translation>
    </message>
    <message>
        <location filename="../ui/results/result_charts.cpp" line="-49"/>
        <source>ROC on test — AUC %1</source>
        <translation>ROC sur le test — AUC %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (95% CI %1–%2)</source>
        <translation> (IC à 95&#xa0;% %1–%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 − specificity</source>
        <translation>1 − spécificité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sensitivity</source>
        <translation>sensibilité</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>chance</source>
        <translation>hasard</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ROC</source>
        <translation>ROC</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>operating point</source>
        <translation>point de fonctionnement</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>operating point (threshold %1)</source>
        <translation>point de fonctionnement (seuil %1)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reliability (validation): ECE %1 → %2 at T = %3</source>
        <translation>Fiabilité (validation)&#xa0;: ECE %1 → %2 à T = %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>confidence (top class)</source>
        <translation>confiance (classe la plus probable)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>perfect calibration</source>
        <translation>idéale</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>before (T = 1)</source>
        <translation>avant (T = 1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>after (T = %1)</source>
        <translation>après (T = %1)</translation>
    </message>
    <message>
        <location filename="../ui/common/eta_text.cpp" line="+11"/>
        <source>ETA unknown</source>
        <translation>temps restant inconnu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ETA %1 s</source>
        <translation>encore ~%1 s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ETA %1 min %2 s</source>
        <translation>encore ~%1 min %2 s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ETA %1 h %2 min</source>
        <translation>encore ~%1 h %2 min</translation>
    </message>
    <message>
        <location filename="../ui/pacs/server_list_editor.cpp" line="+21"/>
        <source>Connected: %1 answered the echo in %2 ms.</source>
        <translation>Connecté&#xa0;: %1 a répondu à l’écho en %2 ms.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Association rejected: %1</source>
        <translation>Association refusée&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No answer within %1 s: %2</source>
        <translation>Aucune réponse en %1 s&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>cxr::ui::AboutDialog</name>
    <message>
        <location filename="../ui/main/about_dialog.cpp" line="+22"/>
        <source>About CXR Studio</source>
        <translation>À propos de CXR Studio</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Chest X-ray pneumonia review: train a classifier, review its calls with Grad-CAM heat maps.</source>
        <translation>Revue des pneumonies sur radiographie thoracique&#xa0;: entraîner un classifieur, vérifier ses décisions avec des cartes de chaleur Grad-CAM.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Model: %1</source>
        <translation>Modèle&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>cxr::ui::AgreementDialog</name>
    <message>
        <location filename="../ui/records/agreement_dialog.cpp" line="+29"/>
        <source>no films</source>
        <translation>aucun cliché</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 % (95 % CI %2–%3 %)</source>
        <translation>%1&#xa0;% (IC à 95&#xa0;% %2–%3&#xa0;%)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reviewer Agreement</source>
        <translation>Accord des relecteurs</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reading the review records…</source>
        <translation>Lecture du registre de relecture…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Model: Normal</source>
        <translation>Modèle&#xa0;: Normal</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Model: Pneumonia</source>
        <translation>Modèle&#xa0;: Pneumonie</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reviewer: Normal</source>
        <translation>Relecteur&#xa0;: Normal</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reviewer: Pneumonia</source>
        <translation>Relecteur&#xa0;: Pneumonie</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Rows are the reviewers&apos; latest labels (taken as the truth), columns the model&apos;s latest call; verdicts labelled Other are counted but left out of the matrix. %1</source>
        <translation>Les lignes sont les dernières étiquettes des relecteurs (prises comme référence), les colonnes la dernière décision du modèle&#xa0;; les avis étiquetés Autre sont comptés mais exclus de la matrice. %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Research and teaching only. Not for diagnostic use.</source>
        <translation>Recherche et enseignement uniquement. Pas d’usage diagnostique.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Model:</source>
        <translation>&amp;Modèle&#xa0;:</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>No model has diagnosed films here yet: open films with a model loaded, then review them with Agree (A) and Disagree (D).</source>
        <translation>Aucun modèle n’a encore analysé de clichés ici&#xa0;: ouvrez des clichés avec un modèle chargé, puis relisez-les avec Accord (A) et Désaccord (D).</translation>
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
        <translation>%1 — SHA-256 %2
%3 cliché(s) relu(s), %4 analysé(s) mais non relu(s), %5 étiqueté(s) Autre.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Sensitivity (reviewer Pneumonia called Pneumonia): %1
Specificity (reviewer Normal called Normal): %2
Agreement: %3</source>
        <translation>Sensibilité (étiquette Pneumonie, décision Pneumonie)&#xa0;: %1
Spécificité (étiquette Normal, décision Normal)&#xa0;: %2
Accord&#xa0;: %3</translation>
    </message>
</context>
<context>
    <name>cxr::ui::CamExamplesWidget</name>
    <message>
        <location filename="../ui/results/cam_examples_widget.cpp" line="+32"/>
        <source>No examples: the run has no test predictions yet.</source>
        <translation>Aucun exemple&#xa0;: l’entraînement n’a pas encore de prédictions de test.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Explaining %n example film(s)…</source>
        <translation>
            <numerusform>Explication de %n cliché d’exemple…</numerusform>
            <numerusform>Explication de %n clichés d’exemple…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Grad-CAM of the PNEUMONIA class on layer4; red marks what drove the score up.</source>
        <translation>Grad-CAM de la classe PNEUMONIA sur layer4&#xa0;; le rouge marque ce qui a fait monter le score.</translation>
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
        <translation>Exporter une tâche de cluster</translation>
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
        <translation>HH:MM:SS ou J-HH:MM:SS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the cluster&apos;s default</source>
        <translation>valeur par défaut du cluster</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>your default</source>
        <translation>votre valeur par défaut</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The data folder as the cluster&apos;s nodes see it</source>
        <translation>Le dossier de données tel que les nœuds du cluster le voient</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The run folder on the cluster; rank 0 writes it, every node must see it</source>
        <translation>Le dossier de l&apos;exécution sur le cluster ; le rang 0 l&apos;écrit, chaque nœud doit le voir</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none: from scratch</source>
        <translation>aucun : depuis zéro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ImageNet ResNet18 weights (.pth) as the cluster sees them; a run that was fine-tuned from them needs them again</source>
        <translation>Poids ImageNet ResNet18 (.pth) tels que le cluster les voit ; une exécution affinée à partir d&apos;eux en a de nouveau besoin</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The cxr program on the cluster: a name on PATH or a path</source>
        <translation>Le programme cxr sur le cluster : un nom dans le PATH ou un chemin</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nodes:</source>
        <translation>Nœuds :</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Device:</source>
        <translation>Appareil :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time limit:</source>
        <translation>Limite de temps :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Partition:</source>
        <translation>Partition :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account:</source>
        <translation>Compte :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data folder on the cluster:</source>
        <translation>Dossier de données sur le cluster :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run folder on the cluster:</source>
        <translation>Dossier de l&apos;exécution sur le cluster :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ImageNet weights on the cluster:</source>
        <translation>Poids ImageNet sur le cluster :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CPU threads per rank:</source>
        <translation>Threads CPU par rang :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cxr program:</source>
        <translation>Programme cxr :</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writes config.json, torchrun.sh and cxr-train.sbatch into a folder</source>
        <translation>Écrit config.json, torchrun.sh et cxr-train.sbatch dans un dossier</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>SLURM batch script (cxr-train.sbatch):</source>
        <translation>Script batch SLURM (cxr-train.sbatch) :</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>GPUs per node:</source>
        <translation>GPU par nœud :</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Processes per node:</source>
        <translation>Processus par nœud :</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No training config to export.</source>
        <translation>Aucune configuration d&apos;entraînement à exporter.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Wrote config.json, torchrun.sh and cxr-train.sbatch to %1. On the cluster: %2</source>
        <translation>config.json, torchrun.sh et cxr-train.sbatch écrits dans %1. Sur le cluster : %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export cluster job into</source>
        <translation>Exporter la tâche de cluster dans</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 already holds a cluster job. Replace its config.json, torchrun.sh and cxr-train.sbatch?</source>
        <translation>%1 contient déjà une tâche de cluster. Remplacer ses config.json, torchrun.sh et cxr-train.sbatch ?</translation>
    </message>
</context>
<context>
    <name>cxr::ui::DataPage</name>
    <message>
        <location filename="../ui/training/data_page.cpp" line="+68"/>
        <source>Data</source>
        <translation>Données</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a chest X-ray folder in the Kaggle layout (train, val and test folders, each with one folder per class), or let CXR Studio make a synthetic demo set.</source>
        <translation>Choisissez un dossier de radiographies thoraciques au format Kaggle (dossiers train, val et test, chacun avec un sous-dossier par classe), ou laissez CXR Studio créer un jeu de démonstration synthétique.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Folder with train/ and test/ (val/ optional)</source>
        <translation>Dossier avec train/ et test/ (val/ facultatif)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make a demo set…</source>
        <translation>Créer un jeu de démo…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Synthesizes about 600 chest films with known opacities (a few seconds)</source>
        <translation>Synthétise environ 600 clichés thoraciques aux opacités connues (quelques secondes)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Automatic (re-split train by patient when val is small)</source>
        <translation>Automatique (repartitionner train par patient si val est petit)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use the val folder as given</source>
        <translation>Utiliser le dossier val tel quel</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Problems found</source>
        <translation>Problèmes trouvés</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Validation:</source>
        <translation>Validation&#xa0;:</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Choose a data folder</source>
        <translation>Choisir un dossier de données</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choose a folder for the demo set (its data go into a sub-folder “data”)</source>
        <translation>Choisir un dossier pour le jeu de démo (les données vont dans un sous-dossier «&#xa0;data&#xa0;»)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Making a synthetic demo set in %1…</source>
        <translation>Création d’un jeu de démo synthétique dans %1…</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>No folder chosen yet.</source>
        <translation>Aucun dossier choisi.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scanning %1…</source>
        <translation>Analyse de %1…</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Split</source>
        <translation>Partition</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Films</source>
        <translation>Clichés</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Patients</source>
        <translation>Patients</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>folder %1/</source>
        <translation>dossier %1/</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>→ training</source>
        <translation>→ entraînement</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>→ validation</source>
        <translation>→ validation</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>→ test</source>
        <translation>→ test</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n film(s) in %1</source>
        <translation>
            <numerusform>%n cliché dans %1</numerusform>
            <numerusform>%n clichés dans %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source> — a synthetic set (not real patients)</source>
        <translation> — un jeu synthétique (pas de vrais patients)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;Validation policy: %1.&lt;/b&gt; %2</source>
        <translation>&lt;b&gt;Stratégie de validation&#xa0;: %1.&lt;/b&gt; %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>use the val folder</source>
        <translation>utiliser le dossier val</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>automatic</source>
        <translation>automatique</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Problems found (skipped, not fatal): %n</source>
        <translation>
            <numerusform>Problèmes trouvés (ignorés, non bloquants)&#xa0;: %n</numerusform>
            <numerusform>Problèmes trouvés (ignorés, non bloquants)&#xa0;: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cxr::ui::DicomTagModel</name>
    <message>
        <location filename="../ui/viewer/dicom_tag_model.cpp" line="+73"/>
        <source>Identifies the patient or study. It is removed by de-identification and never written to reports.</source>
        <translation>Identifie le patient ou l’examen. Supprimé par la désidentification et jamais écrit dans les rapports.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Tag</source>
        <translation>Balise</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>VR</source>
        <translation>VR</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
</context>
<context>
    <name>cxr::ui::ErrorReporter</name>
    <message>
        <location filename="../ui/common/error_reporter.cpp" line="+24"/>
        <source>Unknown error.</source>
        <translation>Erreur inconnue.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Out of memory. Close other films or programs and try again.</source>
        <translation>Mémoire insuffisante. Fermez d’autres clichés ou programmes et réessayez.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Internal error: %1</source>
        <translation>Erreur interne&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Internal error of an unknown kind.</source>
        <translation>Erreur interne de nature inconnue.</translation>
    </message>
</context>
<context>
    <name>cxr::ui::ExportReviewedDialog</name>
    <message>
        <location filename="../ui/records/export_reviewed_dialog.cpp" line="+41"/>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export Reviewed Films</source>
        <translation>Exporter les clichés relus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writes every film whose latest verdict labels it Normal or Pneumonia into a new folder in the training layout (train/ and test/, NORMAL/ and PNEUMONIA/), under de-identified names, with provenance.csv saying who labelled what. DICOM films are written as the 8-bit image the model reads, so no patient data travels in the files.</source>
        <translation>Écrit chaque cliché dont le dernier avis l’étiquette Normal ou Pneumonie dans un nouveau dossier au format d’entraînement (train/ et test/, NORMAL/ et PNEUMONIA/), sous des noms désidentifiés, avec un fichier provenance.csv indiquant qui a étiqueté quoi. Les clichés DICOM sont écrits sous la forme de l’image 8 bits que lit le modèle, de sorte qu’aucune donnée patient ne figure dans les fichiers.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>a new or empty folder</source>
        <translation>un dossier nouveau ou vide</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Share of each label&apos;s films kept apart as test/ (films of one study stay together)</source>
        <translation>Part des clichés de chaque étiquette mise à part dans test/ (les clichés d’un même examen restent ensemble)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hard-link raster films instead of copying them (same disk only)</source>
        <translation>Créer des liens physiques vers les clichés matriciels au lieu de les copier (même disque uniquement)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Folder:</source>
        <translation>&amp;Dossier&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Test share:</source>
        <translation>Part de &amp;test&#xa0;:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Export</source>
        <translation>&amp;Exporter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Train on These Films…</source>
        <translation>E&amp;ntraîner sur ces clichés…</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Export Reviewed Films To</source>
        <translation>Exporter les clichés relus vers</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Choose a new or empty folder first.</source>
        <translation>Choisissez d’abord un dossier nouveau ou vide.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Exporting…</source>
        <translation>Export en cours…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Exporting: step %1 of %2 · %3</source>
        <translation>Export&#xa0;: étape %1 sur %2 · %3</translation>
    </message>
    <message numerus="yes">
        <location line="+23"/>
        <source>Exported %n film(s) to %1.</source>
        <translation>
            <numerusform>%n cliché exporté vers %1.</numerusform>
            <numerusform>%n clichés exportés vers %1.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>train: %1; test: %2.</source>
        <translation>train&#xa0;: %1&#xa0;; test&#xa0;: %2.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n labelled Other left out.</source>
        <translation>
            <numerusform>%n étiqueté Autre laissé de côté.</numerusform>
            <numerusform>%n étiquetés Autre laissés de côté.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not exported: %1 film(s) whose file is gone, %2 whose file changed since it was reviewed.</source>
        <translation>Non exportés&#xa0;: %1 cliché(s) dont le fichier a disparu, %2 dont le fichier a changé depuis la relecture.</translation>
    </message>
</context>
<context>
    <name>cxr::ui::FilmDrop</name>
    <message>
        <location filename="../ui/diagnosis/film_drop.cpp" line="+27"/>
        <source>does not exist</source>
        <translation>n’existe pas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>is not a regular file</source>
        <translation>n’est pas un fichier ordinaire</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot be read (permissions)</source>
        <translation>illisible (droits d’accès)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>cannot be read</source>
        <translation>illisible</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>is not a DICOM, JPEG, PNG, BMP or TIFF film</source>
        <translation>n’est pas un cliché DICOM, JPEG, PNG, BMP ou TIFF</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Only films and folders can be dropped here.</source>
        <translation>Seuls des clichés et des dossiers peuvent être déposés ici.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Only local files and folders can be dropped here.</source>
        <translation>Seuls des fichiers et dossiers locaux peuvent être déposés ici.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot open: %1.</source>
        <translation>Impossible d’ouvrir&#xa0;: %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot open any of the %1 dropped files: %2.</source>
        <translation>Aucun des %1 fichiers déposés ne peut être ouvert&#xa0;: %2.</translation>
    </message>
</context>
<context>
    <name>cxr::ui::FilmHistoryDialog</name>
    <message>
        <location filename="../ui/records/film_history_dialog.cpp" line="+46"/>
        <source>History of %1</source>
        <translation>Historique de %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reading the review records…</source>
        <translation>Lecture du registre de relecture…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Model / reviewer</source>
        <translation>Modèle / relecteur</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Call / label</source>
        <translation>Décision / étiquette</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>P(pneumonia)</source>
        <translation>P(pneumonie)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>threshold %1</source>
        <translation>seuil %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>explained by %1 on %2</source>
        <translation>expliqué par %1 sur %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Call</source>
        <translation>Décision</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Other: %1</source>
        <translation>Autre&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Agreed</source>
        <translation>Accord</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Disagreed</source>
        <translation>Désaccord</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>%n call(s) and %1 over time, oldest first. Film SHA-256 %2.</source>
        <translation>
            <numerusform>%n décision et %1 dans l’ordre chronologique, les plus anciens d’abord. SHA-256 du cliché %2.</numerusform>
            <numerusform>%n décisions et %1 dans l’ordre chronologique, les plus anciens d’abord. SHA-256 du cliché %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n verdict(s)</source>
        <translation>
            <numerusform>%n avis</numerusform>
            <numerusform>%n avis</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cxr::ui::FilmImage</name>
    <message>
        <location filename="../ui/viewer/film_image.cpp" line="+57"/>
        <source>Viridis (perceptual)</source>
        <translation>Viridis (perceptuelle)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Inferno (perceptual)</source>
        <translation>Inferno (perceptuelle)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Jet (as pytorch-grad-cam)</source>
        <translation>Jet (comme pytorch-grad-cam)</translation>
    </message>
</context>
<context>
    <name>cxr::ui::FilmViewer</name>
    <message>
        <location filename="../ui/viewer/film_viewer.cpp" line="+70"/>
        <location line="+76"/>
        <source>No film open</source>
        <translation>Aucun cliché ouvert</translation>
    </message>
    <message>
        <location line="-76"/>
        <source>Drop films or folders here, or use File ▸ Open.</source>
        <translation>Déposez ici des clichés ou des dossiers, ou utilisez Fichier ▸ Ouvrir.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Zoom &amp;In</source>
        <translation>Zoom &amp;avant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;Out</source>
        <translation>Zoom a&amp;rrière</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Fit to Window</source>
        <translation>A&amp;juster à la fenêtre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Actual Pixels (1:1)</source>
        <translation>&amp;Taille réelle (1:1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rotate &amp;Left</source>
        <translation>Pivoter à &amp;gauche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rotate &amp;Right</source>
        <translation>Pivoter à &amp;droite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flip &amp;Horizontally</source>
        <translation>Retourner &amp;horizontalement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flip &amp;Vertically</source>
        <translation>Retourner &amp;verticalement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset &amp;Orientation</source>
        <translation>Réinitialiser l’&amp;orientation</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Invert</source>
        <translation>&amp;Inverser</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Show &amp;Heat Map</source>
        <translation>Afficher la &amp;carte de chaleur</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Opening %1…</source>
        <translation>Ouverture de %1…</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Could not open %1</source>
        <translation>Impossible d’ouvrir %1</translation>
    </message>
    <message>
        <location line="+151"/>
        <source>VOI LUT (from file)</source>
        <translation>VOI LUT (du fichier)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>W %1  L %2</source>
        <translation>L %1  N %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>inverted</source>
        <translation>inversé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoom %1%</source>
        <translation>Zoom %1&#xa0;%</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rotated %1°</source>
        <translation>Pivoté de %1°</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Flipped</source>
        <translation>Retourné</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>x %1  y %2
value %3</source>
        <translation>x %1  y %2
valeur %3</translation>
    </message>
</context>
<context>
    <name>cxr::ui::MainActions</name>
    <message>
        <location filename="../ui/main/main_actions.cpp" line="+23"/>
        <source>&amp;Open Films…</source>
        <translation>&amp;Ouvrir des clichés…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open DICOM, JPEG or PNG films</source>
        <translation>Ouvrir des clichés DICOM, JPEG ou PNG</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;Folder…</source>
        <translation>Ouvrir un &amp;dossier…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open every film in a folder and its subfolders</source>
        <translation>Ouvrir tous les clichés d’un dossier et de ses sous-dossiers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open from &amp;PACS…</source>
        <translation>Ouvrir depuis le PAC&amp;S…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Query a PACS and retrieve studies into the triage list</source>
        <translation>Interroger un PACS et récupérer des examens dans la liste de triage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Listen for Pushed Films</source>
        <translation>Recevoir les clichés e&amp;nvoyés</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Receive films sent by a modality or PACS (DICOM Storage SCP) and diagnose them</source>
        <translation>Recevoir les clichés envoyés par une modalité ou un PACS (DICOM Storage SCP) et les analyser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send &amp;Results to PACS…</source>
        <translation>Envoyer les résul&amp;tats au PACS…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send the film&apos;s structured report (TID 1500) and overlay into its study on a PACS</source>
        <translation>Envoyer le compte rendu structuré (TID 1500) et la superposition du cliché dans son examen sur un PACS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Load Model…</source>
        <translation>&amp;Charger un modèle…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load a trained model: a run folder&apos;s model.json, or a seed .pth file</source>
        <translation>Charger un modèle entraîné&#xa0;: le model.json d’un dossier d’entraînement, ou un fichier .pth d’origine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load Model &amp;Folder…</source>
        <translation>Charger un &amp;dossier de modèle…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load a run folder written by training</source>
        <translation>Charger un dossier écrit par un entraînement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Train Model…</source>
        <translation>&amp;Entraîner un modèle…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train a pneumonia classifier on a folder of films</source>
        <translation>Entraîner un classifieur de pneumonie sur un dossier de clichés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export Overlay PNG…</source>
        <translation>&amp;Exporter la superposition en PNG…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the film as shown, with its heat map, at full resolution</source>
        <translation>Enregistrer le cliché tel qu’affiché, avec sa carte de chaleur, en pleine résolution</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export Triage List as &amp;CSV…</source>
        <translation>Exporter la liste de triage en &amp;CSV…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the interface language, the prediction arithmetic and the DICOM nodes</source>
        <translation>Choisir la langue de l’interface, l’arithmétique de prédiction et les nœuds DICOM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Next Film</source>
        <translation>Cliché &amp;suivant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Previous Film</source>
        <translation>Cliché &amp;précédent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DICOM &amp;Tags</source>
        <translation>&amp;Balises DICOM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Agree with the Call</source>
        <translation>&amp;Accord avec la décision</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record that you agree with the model&apos;s call on this film, then go to the next film</source>
        <translation>Enregistrer votre accord avec la décision du modèle sur ce cliché, puis passer au cliché suivant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Disagree: Your Label</source>
        <translation>&amp;Désaccord&#xa0;: votre étiquette</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record your own label for this film (the other class unless you chose one), then go to the next film</source>
        <translation>Enregistrer votre propre étiquette pour ce cliché (l’autre classe, sauf si vous en avez choisi une), puis passer au cliché suivant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Film &amp;History…</source>
        <translation>&amp;Historique du cliché…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every call and verdict on this film over time</source>
        <translation>Toutes les décisions et tous les avis sur ce cliché au fil du temps</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reviewer A&amp;greement…</source>
        <translation>A&amp;ccord des relecteurs…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How far reviewers agree with each model: confusion matrix, sensitivity and specificity with 95% CIs</source>
        <translation>Dans quelle mesure les relecteurs s’accordent avec chaque modèle&#xa0;: matrice de confusion, sensibilité et spécificité avec IC à 95&#xa0;%</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export Reviewed Films…</source>
        <translation>&amp;Exporter les clichés relus…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the reviewed films with the reviewers&apos; labels as a training folder</source>
        <translation>Écrire les clichés relus avec les étiquettes des relecteurs sous forme de dossier d’entraînement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About CXR Studio</source>
        <translation>À &amp;propos de CXR Studio</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Open &amp;Recent</source>
        <translation>Ouverts &amp;récemment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recent &amp;Models</source>
        <translation>&amp;Modèles récents</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Model</source>
        <translation>&amp;Modèle</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Window/Level</source>
        <translation>&amp;Fenêtrage</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Go</source>
        <translation>A&amp;ller</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Review</source>
        <translation>&amp;Relecture</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Main</source>
        <translation>Barre principale</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Window/level presets (right-drag on the film adjusts the window)</source>
        <translation>Préréglages de fenêtrage (glisser avec le bouton droit sur le cliché ajuste la fenêtre)</translation>
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
        <translation>Aucun modèle chargé</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DICOM Tags</source>
        <translation>Balises DICOM</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>A pushed object was refused: %1</source>
        <translation>Un objet envoyé a été refusé&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Last film</source>
        <translation>Dernier cliché</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>Loading model %1…</source>
        <translation>Chargement du modèle %1…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Model loaded</source>
        <translation>Modèle chargé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model %1 loaded.</source>
        <translation>Modèle %1 chargé.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No model loaded (the last one failed: see the log)</source>
        <translation>Aucun modèle chargé (le dernier a échoué&#xa0;: voir le journal)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The last model could not be loaded: %1</source>
        <translation>Le dernier modèle n’a pas pu être chargé&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+4"/>
        <source>Model not loaded</source>
        <translation>Modèle non chargé</translation>
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
        <translation>Ouvrir des clichés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Films (*.dcm *.dicom *.jpg *.jpeg *.png *.bmp *.tif *.tiff);;All files (*)</source>
        <translation>Clichés (*.dcm *.dicom *.jpg *.jpeg *.png *.bmp *.tif *.tiff);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Open Folder of Films</source>
        <translation>Ouvrir un dossier de clichés</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Load Model Folder</source>
        <translation>Charger un dossier de modèle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Load Model</source>
        <translation>Charger un modèle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Models (model.json *.pth);;All files (*)</source>
        <translation>Modèles (model.json *.pth);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Train a Model</source>
        <translation>Entraîner un modèle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train on a folder with NORMAL/ and PNEUMONIA/ subfolders (the Kaggle chest X-ray layout) from a terminal:

    cxr train DATA_FOLDER --out RUN_FOLDER

then load RUN_FOLDER here with Model ▸ Load Model Folder…. To try the application without data, `cxr synth` writes a synthetic set.</source>
        <translation>Entraînez depuis un terminal sur un dossier avec les sous-dossiers NORMAL/ et PNEUMONIA/ (format Kaggle des radiographies thoraciques)&#xa0;:

    cxr train DATA_FOLDER --out RUN_FOLDER

puis chargez RUN_FOLDER ici avec Modèle ▸ Charger un dossier de modèle…. Pour essayer l’application sans données, `cxr synth` écrit un jeu synthétique.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>none loaded</source>
        <translation>aucun chargé</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Looking for films…</source>
        <translation>Recherche de clichés…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>No films found.</source>
        <translation>Aucun cliché trouvé.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Opened %n film(s); %1</source>
        <translation>
            <numerusform>%n cliché ouvert&#xa0;; %1</numerusform>
            <numerusform>%n clichés ouverts&#xa0;; %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Open from PACS</source>
        <translation>Ouvrir depuis le PACS</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+29"/>
        <source>No DICOM node is set up yet. Add your PACS in Settings ▸ PACS first.</source>
        <translation>Aucun nœud DICOM n’est encore configuré. Ajoutez d’abord votre PACS dans Paramètres ▸ PACS.</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>A retrieve is still running; wait for it or cancel it first.</source>
        <translation>Une récupération est encore en cours&#xa0;; attendez sa fin ou annulez-la d’abord.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Open a DICOM film with a model loaded first.</source>
        <translation>Ouvrez d’abord un cliché DICOM avec un modèle chargé.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+9"/>
        <source>Send Results to PACS</source>
        <translation>Envoyer les résultats au PACS</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Send to:</source>
        <translation>Envoyer à&#xa0;:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sending the results for %1 to %2…</source>
        <translation>Envoi des résultats de %1 à %2…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Not listening</source>
        <translation>Réception inactive</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+15"/>
        <source>%1 — CXR Studio</source>
        <translation>%1 — CXR Studio</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Export Overlay PNG</source>
        <translation>Exporter la superposition en PNG</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PNG images (*.png)</source>
        <translation>Images PNG (*.png)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Nothing to export</source>
        <translation>Rien à exporter</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open a film first.</source>
        <translation>Ouvrez d’abord un cliché.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export failed</source>
        <translation>Échec de l’export</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1: could not write the PNG file.</source>
        <translation>%1&#xa0;: impossible d’écrire le fichier PNG.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved %1</source>
        <translation>%1 enregistré</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Drop to open %n item(s)</source>
        <translation>
            <numerusform>Déposer pour ouvrir %n élément</numerusform>
            <numerusform>Déposer pour ouvrir %n éléments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cxr::ui::ModelPage</name>
    <message>
        <location filename="../ui/training/model_page.cpp" line="+24"/>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ResNet18 with a two-class head. Three-phase fine-tuning works best from ImageNet-pretrained weights.</source>
        <translation>ResNet18 avec une tête à deux classes. Le réglage fin en trois phases fonctionne au mieux à partir de poids préentraînés sur ImageNet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start from ImageNet weights (torchvision resnet18 .pth file)</source>
        <translation>Partir des poids ImageNet (fichier .pth resnet18 de torchvision)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train from scratch (random weights)</source>
        <translation>Entraîner de zéro (poids aléatoires)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>e.g. resnet18-f37072fd.pth</source>
        <translation>p.&#xa0;ex. resnet18-f37072fd.pth</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&lt;b&gt;Training from scratch.&lt;/b&gt; The seed&apos;s phases assume a pretrained backbone, so without one every phase trains all layers, keeping its learning rate and epochs. Expect lower accuracy than fine-tuning and more epochs; use it to try the workflow, not to judge the method.</source>
        <translation>&lt;b&gt;Entraînement de zéro.&lt;/b&gt; Les phases du script d’origine supposent un réseau de base préentraîné&#xa0;; sans lui, chaque phase entraîne donc toutes les couches, avec son taux d’apprentissage et ses époques. Attendez-vous à une exactitude plus faible qu’avec un affinage et à davantage d’époques&#xa0;; servez-vous-en pour essayer le déroulement, pas pour juger la méthode.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>None (plain cross-entropy, as the seed script)</source>
        <translation>Aucune (entropie croisée simple, comme le script d’origine)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Class-weighted loss (inverse class frequency)</source>
        <translation>Perte pondérée par classe (fréquence inverse)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Class-balanced sampling</source>
        <translation>Échantillonnage équilibré par classe</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>e.g. 1-5 (completed years)</source>
        <translation>p. ex. 1-5 (années révolues)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ages of the patients the films came from. Films of patients outside this range get a warning when the model is used.</source>
        <translation>Âges des patients dont proviennent les clichés. Les clichés de patients hors de cette tranche reçoivent un avertissement lors de l’utilisation du modèle.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. children, one hospital&apos;s paediatric ward</source>
        <translation>p. ex. enfants, service de pédiatrie d’un hôpital</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Class weighting:</source>
        <translation>Pondération des classes&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patient ages:</source>
        <translation>Âges des patients&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Population:</source>
        <translation>Population&#xa0;:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>ImageNet ResNet18 weights</source>
        <translation>Poids ResNet18 ImageNet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PyTorch weights (*.pth *.pt);;All files (*)</source>
        <translation>Poids PyTorch (*.pth *.pt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Training split: %1 films of the larger class per film of the smaller.</source>
        <translation>Partition d’entraînement&#xa0;: %1 clichés de la classe majoritaire par cliché de la minoritaire.</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Patient ages: “%1” is not an age range; write the youngest and the oldest age in completed years, such as 1-5.</source>
        <translation>Âges des patients&#xa0;: «&#xa0;%1&#xa0;» n’est pas une tranche d’âge&#xa0;; indiquez l’âge le plus jeune et le plus élevé en années révolues, par exemple 1-5.</translation>
    </message>
</context>
<context>
    <name>cxr::ui::OverlayControls</name>
    <message>
        <location filename="../ui/diagnosis/overlay_controls.cpp" line="+41"/>
        <source>Show heat map (H)</source>
        <translation>Afficher la carte de chaleur (H)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Heat map opacity</source>
        <translation>Opacité de la carte de chaleur</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>How the heat map is computed; changing it re-runs the explanation</source>
        <translation>Méthode de calcul de la carte de chaleur&#xa0;; la changer relance l’explication</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>layer4 (7×7, default)</source>
        <translation>layer4 (7×7, par défaut)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>layer3 (14×14, finer)</source>
        <translation>layer3 (14×14, plus fin)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>layer2 (28×28)</source>
        <translation>layer2 (28×28)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The network layer the map is taken from: deeper is coarser but more specific</source>
        <translation>La couche du réseau d’où vient la carte&#xa0;: plus profonde est plus grossière mais plus spécifique</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Opacity</source>
        <translation>Opacité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Colours</source>
        <translation>Couleurs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Method</source>
        <translation>Méthode</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Layer</source>
        <translation>Couche</translation>
    </message>
</context>
<context>
    <name>cxr::ui::PacsQueryDialog</name>
    <message>
        <location filename="../ui/pacs/pacs_query_dialog.cpp" line="+51"/>
        <source>Open from PACS</source>
        <translation>Ouvrir depuis le PACS</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>e.g. DOE* (wildcards * and ?)</source>
        <translation>p. ex. DUPONT* (caractères génériques * et ?)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>YYYYMMDD-YYYYMMDD, either side may be left open</source>
        <translation>AAAAMMJJ-AAAAMMJJ, chaque borne peut rester vide</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Search</source>
        <translation>&amp;Rechercher</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Node:</source>
        <translation>&amp;Nœud&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patient &amp;name:</source>
        <translation>Nom du &amp;patient&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patient &amp;ID:</source>
        <translation>&amp;ID du patient&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Study &amp;dates:</source>
        <translation>&amp;Dates d’examen&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Modalities:</source>
        <translation>&amp;Modalités&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A&amp;ccession:</source>
        <translation>Numéro d’a&amp;ccession&#xa0;:</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>&amp;Retrieve and Diagnose</source>
        <translation>Récupérer et &amp;analyser</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retrieve the selected series, or the selected studies whole, into the triage list</source>
        <translation>Récupérer les séries sélectionnées, ou les examens sélectionnés en entier, dans la liste de triage</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>No DICOM node is set up yet: add one in File ▸ Settings ▸ PACS.</source>
        <translation>Aucun nœud DICOM n’est encore configuré&#xa0;: ajoutez-en un dans Fichier ▸ Paramètres ▸ PACS.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Searching %1…</source>
        <translation>Recherche sur %1…</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>No matching studies.</source>
        <translation>Aucun examen correspondant.</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n matching studies.</source>
        <translation>
            <numerusform>%n examen correspondant.</numerusform>
            <numerusform>%n examens correspondants.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cxr::ui::PacsTransfers</name>
    <message>
        <location filename="../ui/pacs/pacs_transfers.cpp" line="+40"/>
        <source>No model is loaded: there are no results to send.</source>
        <translation>Aucun modèle chargé&#xa0;: il n’y a pas de résultats à envoyer.</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>Sent %n result object(s) for %1 to %2.</source>
        <translation>
            <numerusform>%n objet de résultat envoyé pour %1 à %2.</numerusform>
            <numerusform>%n objets de résultat envoyés pour %1 à %2.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Results for %1 not sent: %2</source>
        <translation>Résultats de %1 non envoyés&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <location line="+93"/>
        <source>Retrieve cancelled: %n object(s) arrived and stay in the list.</source>
        <translation>
            <numerusform>Récupération annulée&#xa0;: %n objet est arrivé et reste dans la liste.</numerusform>
            <numerusform>Récupération annulée&#xa0;: %n objets sont arrivés et restent dans la liste.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Retrieved %n object(s).</source>
        <translation>
            <numerusform>%n objet récupéré.</numerusform>
            <numerusform>%n objets récupérés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n kept but not diagnosed (not films).</source>
        <translation>
            <numerusform>%n conservé mais non analysé (pas un cliché).</numerusform>
            <numerusform>%n conservés mais non analysés (pas des clichés).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>The PACS could not send %n.</source>
        <translation>
            <numerusform>Le PACS n’a pas pu en envoyer %n.</numerusform>
            <numerusform>Le PACS n’a pas pu en envoyer %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+29"/>
        <location line="+21"/>
        <source>Listening as %1 on port %2: %n received</source>
        <translation>
            <numerusform>En écoute en tant que %1 sur le port %2&#xa0;: %n reçu</numerusform>
            <numerusform>En écoute en tant que %1 sur le port %2&#xa0;: %n reçus</numerusform>
        </translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Not listening: %1</source>
        <translation>Réception inactive&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Not listening</source>
        <translation>Réception inactive</translation>
    </message>
</context>
<context>
    <name>cxr::ui::PhasesPage</name>
    <message>
        <location filename="../ui/training/phases_page.cpp" line="+28"/>
        <source>Phases</source>
        <translation>Phases</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start training</source>
        <translation>Lancer l’entraînement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Three-phase fine-tuning: the head alone, then layer4 with the head, then the whole network. Each phase stops early when its validation loss has not beaten the phase&apos;s own best for “Patience” epochs (or the run&apos;s best, below); the best checkpoint across all phases is kept.</source>
        <translation>Réglage fin en trois phases&#xa0;: la tête seule, puis layer4 avec la tête, puis tout le réseau. Chaque phase s’arrête tôt quand sa perte de validation n’a pas battu le meilleur score de la phase pendant «&#xa0;Patience&#xa0;» époques (ou celui de tout l’entraînement, ci-dessous)&#xa0;; le meilleur point de contrôle de toutes les phases est conservé.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Phase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Trains</source>
        <translation>Entraîne</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Epochs</source>
        <translation>Époques</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Learning rate</source>
        <translation>Taux d’appr.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>StepLR step</source>
        <translation>Pas StepLR</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>StepLR gamma</source>
        <translation>Gamma StepLR</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Patience</source>
        <translation>Patience</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reset to defaults</source>
        <translation>Valeurs par défaut</translation>
    </message>
    <message>
        <location line="+25"/>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Automatic (CUDA when available)</source>
        <translation>Automatique (CUDA si disponible)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No CUDA device was found: training runs on the CPU.</source>
        <translation>Aucun périphérique CUDA trouvé&#xa0;: l’entraînement s’exécute sur le CPU.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>fp32</source>
        <translation>fp32</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Automatic (bf16 on CUDA, fp32 on the CPU)</source>
        <translation>Automatique (bf16 avec CUDA, fp32 sur le processeur)</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Export cluster job…</source>
        <translation>Exporter une tâche de cluster…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This plan&apos;s config.json with a torchrun script and a SLURM batch script, to train it on a cluster</source>
        <translation>Le config.json de ce plan avec un script torchrun et un script batch SLURM, pour l&apos;entraîner sur un cluster</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>bf16 (faster on this processor, %1; lower AUC on real films)</source>
        <translation>bf16 (plus rapide sur ce processeur, %1&#xa0;; AUC plus basse sur de vrais clichés)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>bf16 (emulated on this processor: slower than fp32)</source>
        <translation>bf16 (émulé sur ce processeur&#xa0;: plus lent que fp32)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The arithmetic of training steps. bf16 is about twice as fast on processors with AVX512-BF16 or AMX and on GPUs; weights, checkpoints and the exported model stay fp32, and validation and the test report are computed in fp32.</source>
        <translation>L’arithmétique des pas d’entraînement. bf16 est environ deux fois plus rapide sur les processeurs dotés d’AVX512-BF16 ou d’AMX et sur les GPU&#xa0;; les poids, les points de contrôle et le modèle exporté restent en fp32, et la validation et le rapport de test sont calculés en fp32.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the phase&apos;s own best (each phase stops on its own)</source>
        <translation>le meilleur score de la phase (chaque phase s’arrête d’elle-même)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the best of the whole run</source>
        <translation>le meilleur score de tout l’entraînement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which validation loss an epoch must beat to count as an improvement for early stopping. The saved checkpoint is always the best of the whole run.</source>
        <translation>La perte de validation qu’une époque doit battre pour compter comme une amélioration pour l’arrêt précoce. Le point de contrôle enregistré est toujours le meilleur de tout l’entraînement.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep BatchNorm statistics of frozen layers fixed</source>
        <translation>Figer les statistiques BatchNorm des couches gelées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Off (the default, like the seed script): the running means and variances of frozen layers still follow this data set while a phase trains other layers. On: frozen layers keep the statistics they started with.</source>
        <translation>Désactivé (par défaut, comme le script d’origine)&#xa0;: les moyennes et variances courantes des couches gelées suivent encore ce jeu de données pendant qu’une phase entraîne d’autres couches. Activé&#xa0;: les couches gelées gardent leurs statistiques de départ.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Resume the run in this folder</source>
        <translation>Reprendre l’entraînement de ce dossier</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Batch size:</source>
        <translation>Taille de lot&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image size:</source>
        <translation>Taille d’image&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device:</source>
        <translation>Appareil&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Precision:</source>
        <translation>Précision&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seed:</source>
        <translation>Graine&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Early stopping compares with:</source>
        <translation>L’arrêt précoce compare avec&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Output folder:</source>
        <translation>Dossier de sortie&#xa0;:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Run output folder</source>
        <translation>Dossier de sortie de l’entraînement</translation>
    </message>
    <message numerus="yes">
        <location line="+25"/>
        <location line="+37"/>
        <source>At most %n epoch(s) in all</source>
        <translation>
            <numerusform>Au plus %n époque au total</numerusform>
            <numerusform>Au plus %n époques au total</numerusform>
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
        <translation>Choisissez où vont les points de contrôle, les métriques et le modèle de l’entraînement.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;span style=&apos;color:#b00020&apos;&gt;This folder already holds a run. Tick “Resume” to continue it, or choose another folder.&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#b00020&apos;&gt;Ce dossier contient déjà un entraînement. Cochez «&#xa0;Reprendre&#xa0;» pour le poursuivre, ou choisissez un autre dossier.&lt;/span&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The run continues at its last finished epoch.</source>
        <translation>L’entraînement reprend à sa dernière époque terminée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A new run is created here.</source>
        <translation>Un nouvel entraînement est créé ici.</translation>
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
        <translation>ID du patient</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Modality</source>
        <translation>Modalité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accession</source>
        <translation>Numéro d’accession</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Series</source>
        <translation>Série</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images</source>
        <translation>Images</translation>
    </message>
</context>
<context>
    <name>cxr::ui::RecentMenu</name>
    <message>
        <location filename="../ui/main/recent_menu.cpp" line="+30"/>
        <source>(none yet)</source>
        <translation>(aucun pour l’instant)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Clear List</source>
        <translation>&amp;Effacer la liste</translation>
    </message>
</context>
<context>
    <name>cxr::ui::RecordsSession</name>
    <message>
        <location filename="../ui/records/records_session.cpp" line="+30"/>
        <source>Review records are off (Settings ▸ General).</source>
        <translation>Le registre de relecture est désactivé (Paramètres ▸ Général).</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Review records unavailable: %1</source>
        <translation>Registre de relecture indisponible&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Review records are read-only: %1 — calls and verdicts are not kept.</source>
        <translation>Le registre de relecture est en lecture seule&#xa0;: %1 — les décisions et les avis ne sont pas conservés.</translation>
    </message>
</context>
<context>
    <name>cxr::ui::ResultPanel</name>
    <message>
        <location filename="../ui/diagnosis/result_panel.cpp" line="+81"/>
        <source>Research and teaching only. Not for diagnostic use.</source>
        <translation>Recherche et enseignement uniquement. Pas d’usage diagnostique.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Loading the model %1…
Films open meanwhile; their calls follow.</source>
        <translation>Chargement du modèle %1…
Les clichés s’ouvrent en attendant&#xa0;; leurs décisions suivront.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No model loaded, so films open without a call.

Load a trained model: a run folder written by Train Model… or `cxr train`, or a seed X_ray_classifier.pth with class_to_index.pth beside it.

Or train one now on a folder of films (NORMAL/ and PNEUMONIA/ subfolders).</source>
        <translation>Aucun modèle chargé&#xa0;: les clichés s’ouvrent sans décision.

Chargez un modèle entraîné&#xa0;: un dossier écrit par «&#xa0;Entraîner un modèle…&#xa0;» ou `cxr train`, ou un X_ray_classifier.pth d’origine avec class_to_index.pth à côté.

Ou entraînez-en un maintenant sur un dossier de clichés (sous-dossiers NORMAL/ et PNEUMONIA/).</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Open or drop a film to see the model&apos;s call.</source>
        <translation>Ouvrez ou déposez un cliché pour voir la décision du modèle.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Analysing…</source>
        <translation>Analyse…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Diagnosis failed: %1</source>
        <translation>Échec de l’analyse&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Opened without a model: no call.</source>
        <translation>Ouvert sans modèle&#xa0;: aucune décision.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opened in %1 ms</source>
        <translation>Ouvert en %1 ms</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>P(%1) = %2, %3 the model&apos;s threshold %4</source>
        <translation>P(%1) = %2, %3 le seuil du modèle %4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>at or above</source>
        <translation>égale ou supérieure à</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>below</source>
        <translation>inférieure à</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Analysed in %1 ms</source>
        <translation>Analysé en %1 ms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Opened in %1 ms, analysed in %2 ms</source>
        <translation>Ouvert en %1 ms, analysé en %2 ms</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Explanation: %1 on %2 · model %3</source>
        <translation>Explication&#xa0;: %1 sur %2 · modèle %3</translation>
    </message>
</context>
<context>
    <name>cxr::ui::ResultsPage</name>
    <message>
        <location filename="../ui/results/results_page.cpp" line="+22"/>
        <location line="+49"/>
        <source>Results</source>
        <translation>Résultats</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>The best checkpoint on the untouched test split. Research and teaching only — not for diagnostic use.</source>
        <translation>Le meilleur point de contrôle sur la partition de test intacte. Recherche et enseignement uniquement — pas d’usage diagnostique.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Use this model for review</source>
        <translation>Utiliser ce modèle pour la revue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loads this run&apos;s model in the main window</source>
        <translation>Charge le modèle de cet entraînement dans la fenêtre principale</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export PDF report…</source>
        <translation>Exporter le rapport PDF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export cluster job…</source>
        <translation>Exporter une tâche de cluster…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This run&apos;s config.json with a torchrun script and a SLURM batch script, to train it again on a cluster</source>
        <translation>Le config.json de cette exécution avec un script torchrun et un script batch SLURM, pour l&apos;entraîner à nouveau sur un cluster</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Include film names and the data folder (patient identifiers)</source>
        <translation>Inclure les noms des clichés et le dossier de données (identifiants patients)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Include reviewer agreement</source>
        <translation>Inclure l’accord des relecteurs</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A last page with the reviewers&apos; verdicts against this model&apos;s calls, from the review records</source>
        <translation>Une dernière page avec les avis des relecteurs face aux décisions de ce modèle, tirés du registre de relecture</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>This model is now the review model.</source>
        <translation>Ce modèle est maintenant le modèle de revue.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Reading the review records…</source>
        <translation>Lecture du registre de relecture…</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>A last page with the reviewers&apos; verdicts on %n film(s) against this model&apos;s calls, from the review records</source>
        <translation>
            <numerusform>Une dernière page avec les avis des relecteurs sur %n cliché face aux décisions de ce modèle, tirés du registre de relecture</numerusform>
            <numerusform>Une dernière page avec les avis des relecteurs sur %n clichés face aux décisions de ce modèle, tirés du registre de relecture</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+12"/>
        <source>Export PDF report</source>
        <translation>Exporter le rapport PDF</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Report written to %1</source>
        <translation>Rapport écrit dans %1</translation>
    </message>
</context>
<context>
    <name>cxr::ui::ResultsView</name>
    <message>
        <location filename="../ui/results/results_view.cpp" line="+35"/>
        <source>class</source>
        <translation>classe</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>precision</source>
        <translation>précision</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>recall</source>
        <translation>rappel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>support</source>
        <translation>effectif</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Example test films with their class activation maps</source>
        <translation>Exemples de clichés de test avec leurs cartes d’activation de classe</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>&lt;b&gt;No test results yet.&lt;/b&gt; The run has not finished its evaluation.</source>
        <translation>&lt;b&gt;Pas encore de résultats de test.&lt;/b&gt; L’entraînement n’a pas terminé son évaluation.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source> (95% CI %1–%2)</source>
        <translation> (IC à 95&#xa0;% %1–%2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Test split, %1 films, threshold %2:&lt;/b&gt; accuracy %3 · sensitivity %4 · specificity %5 · AUC %6%7&lt;br&gt;On validation at this threshold: sensitivity %8 · specificity %9</source>
        <translation>&lt;b&gt;Partition de test, %1 clichés, seuil %2&#xa0;:&lt;/b&gt; exactitude %3 · sensibilité %4 · spécificité %5 · AUC %6%7&lt;br&gt;En validation à ce seuil&#xa0;: sensibilité %8 · spécificité %9</translation>
    </message>
</context>
<context>
    <name>cxr::ui::ReviewController</name>
    <message>
        <location filename="../ui/diagnosis/review_controller.cpp" line="+112"/>
        <source>Analysing (%1, %2)…</source>
        <translation>Analyse (%1, %2)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opening…</source>
        <translation>Ouverture…</translation>
    </message>
</context>
<context>
    <name>cxr::ui::ReviewDesk</name>
    <message>
        <location filename="../ui/main/review_desk.cpp" line="+51"/>
        <source>Verdict not recorded</source>
        <translation>Avis non enregistré</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Records: not kept</source>
        <translation>Registre&#xa0;: non tenu</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Records read-only</source>
        <translation>Registre en lecture seule</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Records off</source>
        <translation>Registre désactivé</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 CXR Studio works on without them.</source>
        <translation>%1 CXR Studio continue sans registre.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Opening the review records…</source>
        <translation>Ouverture du registre de relecture…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This call is not in the review records (it was made before they opened); reopen the film to record it.</source>
        <translation>Cette décision ne figure pas dans le registre de relecture (elle a été prise avant son ouverture)&#xa0;; rouvrez le cliché pour l’enregistrer.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>A verdict needs a film with a call and the review records.</source>
        <translation>Un avis nécessite un cliché avec une décision et le registre de relecture.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Choose your label for this film first.</source>
        <translation>Choisissez d’abord votre étiquette pour ce cliché.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Say what the film shows instead, then press D again.</source>
        <translation>Indiquez ce que montre le cliché à la place, puis appuyez de nouveau sur D.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Recorded: %1</source>
        <translation>Enregistré&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>History needs a film in the review records.</source>
        <translation>L’historique nécessite un cliché présent dans le registre de relecture.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Reviewer Agreement</source>
        <translation>Accord des relecteurs</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Export Reviewed Films</source>
        <translation>Exporter les clichés relus</translation>
    </message>
</context>
<context>
    <name>cxr::ui::ReviewListModel</name>
    <message>
        <location filename="../ui/diagnosis/review_list_model.cpp" line="+122"/>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Analysing…</source>
        <translation>Analyse…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No model</source>
        <translation>Aucun modèle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>✓ Agreed</source>
        <translation>✓ Accord</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Other: %1</source>
        <translation>Autre&#xa0;: %1</translation>
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
Lu dans le registre de relecture, non recalculé.</translation>
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
        <translation>Cliché</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Call</source>
        <translation>Décision</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>P(pneumonia)</source>
        <translation>P(pneumonie)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Review</source>
        <translation>Relecture</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Notes</source>
        <translation>Remarques</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The latest reviewer&apos;s verdict on the model&apos;s call: agreed, or the reviewer&apos;s own label.</source>
        <translation>Le dernier avis d’un relecteur sur la décision du modèle&#xa0;: accord, ou l’étiquette propre du relecteur.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The model&apos;s probability of pneumonia; the call compares it with the model&apos;s threshold.</source>
        <translation>La probabilité de pneumonie selon le modèle&#xa0;; la décision la compare au seuil du modèle.</translation>
    </message>
</context>
<context>
    <name>cxr::ui::ServerEditDialog</name>
    <message>
        <location filename="../ui/pacs/server_edit_dialog.cpp" line="+28"/>
        <source>DICOM Node</source>
        <translation>Nœud DICOM</translation>
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
        <translation>C-GET (sur notre propre connexion)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C-MOVE (the PACS sends to our AE title)</source>
        <translation>C-MOVE (le PACS envoie à notre titre AE)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The port CXR Studio receives on during a C-MOVE; the PACS must know our calling AE title at this computer&apos;s address and this port.</source>
        <translation>Le port sur lequel CXR Studio reçoit pendant un C-MOVE&#xa0;; le PACS doit connaître notre titre AE appelant à l’adresse de cet ordinateur et sur ce port.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send the structured report and overlay after each diagnosis</source>
        <translation>Envoyer le compte rendu structuré et la superposition après chaque analyse</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;AE title:</source>
        <translation>&amp;Titre AE&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Host:</source>
        <translation>&amp;Hôte&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Port:</source>
        <translation>&amp;Port&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Our AE title:</source>
        <translation>N&amp;otre titre AE&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Connection timeout:</source>
        <translation>Délai de &amp;connexion&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Answer timeout:</source>
        <translation>Délai de &amp;réponse&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Retrieve by:</source>
        <translation>&amp;Mode de récupération&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C-MOVE &amp;port:</source>
        <translation>Port &amp;d’écoute C-MOVE&#xa0;:</translation>
    </message>
</context>
<context>
    <name>cxr::ui::ServerListEditor</name>
    <message>
        <location filename="../ui/pacs/server_list_editor.cpp" line="+7"/>
        <source>&amp;Add…</source>
        <translation>&amp;Ajouter…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Verify</source>
        <translation>&amp;Vérifier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send a DICOM echo (C-ECHO) to the selected node</source>
        <translation>Envoyer un écho DICOM (C-ECHO) au nœud sélectionné</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Verifying %1…</source>
        <translation>Vérification de %1…</translation>
    </message>
</context>
<context>
    <name>cxr::ui::SettingsDialog</name>
    <message>
        <location filename="../ui/main/settings_dialog.cpp" line="+27"/>
        <location line="+41"/>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>System default (%1)</source>
        <translation>Langue du système (%1)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Takes effect when CXR Studio is restarted.</source>
        <translation>Prend effet au prochain démarrage de CXR Studio.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>fp32 (the model&apos;s own arithmetic)</source>
        <translation>fp32 (l’arithmétique propre du modèle)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>bf16 (faster on this processor: %1)</source>
        <translation>bf16 (plus rapide sur ce processeur&#xa0;: %1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bf16 (faster on GPUs; emulated and slower on this processor)</source>
        <translation>bf16 (plus rapide sur GPU&#xa0;; émulé et plus lent sur ce processeur)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>fp32 gives the probabilities the trained model gives in Python. bf16 computes the forward pass and the heat map in bfloat16: faster where the hardware has it, with probabilities a little different (see the README).</source>
        <translation>fp32 donne les probabilités que le modèle entraîné donne en Python. bf16 calcule la passe avant et la carte de chaleur en bfloat16&#xa0;: plus rapide là où le matériel le permet, avec des probabilités légèrement différentes (voir le README).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Language:</source>
        <translation>&amp;Langue&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Prediction arithmetic:</source>
        <translation>Arithmétique de &amp;prédiction&#xa0;:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Review records</source>
        <translation>Registre de relecture</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keep calls and verdicts (the triage list reopens with them)</source>
        <translation>&amp;Conserver les décisions et les avis (la liste de triage se rouvre avec eux)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The name your verdicts carry; empty: your user name on this computer</source>
        <translation>Le nom que portent vos avis&#xa0;; vide&#xa0;: votre nom d’utilisateur sur cet ordinateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go to the &amp;next film after a verdict</source>
        <translation>Passer au cliché &amp;suivant après un avis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Also keep DICOM films&apos; patient name and &amp;ID</source>
        <translation>Conserver aussi le nom et l’&amp;identifiant du patient des clichés DICOM</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Off (the default), films are known by their content&apos;s SHA-256 and DICOM UIDs only: no patient name or ID ever reaches the records. Names already kept stay; turning this off stops keeping new ones.</source>
        <translation>Désactivé (par défaut), les clichés ne sont connus que par le SHA-256 de leur contenu et leurs UID DICOM&#xa0;: aucun nom ni identifiant de patient n’atteint jamais le registre. Les noms déjà conservés restent&#xa0;; désactiver l’option arrête seulement la conservation des nouveaux.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Reviewer name:</source>
        <translation>&amp;Nom du relecteur&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kept in:</source>
        <translation>Conservé dans&#xa0;:</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>the application&apos;s data folder</source>
        <translation>le dossier de données de l’application</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receiving films (File ▸ Listen for Pushed Films)</source>
        <translation>Réception de clichés (Fichier ▸ Recevoir les clichés envoyés)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Our AE &amp;title:</source>
        <translation>Notre &amp;titre AE&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Store in:</source>
        <translation>Enregistrer &amp;dans&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DICOM nodes:</source>
        <translation>Nœuds DICOM&#xa0;:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>General</source>
        <translation>Général</translation>
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
        <translation>Recherche et enseignement uniquement, pas d’usage diagnostique</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Model %1 · %2 · SHA-256 %3 · threshold %4</source>
        <translation>Modèle %1 · %2 · SHA-256 %3 · seuil %4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1
SHA-256 of the weights: %2</source>
        <translation>%1
SHA-256 des poids&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Load a trained model (File ▸ Load Model…) or train one (Model ▸ Train Model…).</source>
        <translation>Chargez un modèle entraîné (Modèle ▸ Charger un modèle…) ou entraînez-en un (Modèle ▸ Entraîner un modèle…).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: %2 ms</source>
        <translation>%1&#xa0;: %2 ms</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Analysed %1 of %2</source>
        <translation>%1 sur %2 analysés</translation>
    </message>
</context>
<context>
    <name>cxr::ui::TagPanel</name>
    <message>
        <location filename="../ui/viewer/tag_panel.cpp" line="+25"/>
        <source>Filter tags…</source>
        <translation>Filtrer les balises…</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>No film open.</source>
        <translation>Aucun cliché ouvert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No DICOM tags: this film is a %1 file.</source>
        <translation>Pas de balises DICOM&#xa0;: ce cliché est un fichier %1.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n patient or study field(s), marked in amber.</source>
        <translation>
            <numerusform>%n champ patient ou examen, marqué en ambre.</numerusform>
            <numerusform>%n champs patient ou examen, marqués en ambre.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No patient fields in this file.</source>
        <translation>Aucun champ patient dans ce fichier.</translation>
    </message>
</context>
<context>
    <name>cxr::ui::TermText</name>
    <message>
        <location filename="../ui/common/term_text.cpp" line="+12"/>
        <source>CXR Studio is a research and teaching tool. It is not a medical device and must not be used for diagnosis or treatment decisions.</source>
        <translation>CXR Studio est un outil de recherche et d’enseignement. Ce n’est pas un dispositif médical et il ne doit pas servir à des décisions de diagnostic ou de traitement.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>feature extraction</source>
        <translation>extraction de caractéristiques</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>shallow fine-tuning</source>
        <translation>réglage fin superficiel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>deep fine-tuning</source>
        <translation>réglage fin profond</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>loss</source>
        <translation>perte pondérée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sampler</source>
        <translation>échantillonnage équilibré</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>auto</source>
        <translation>automatique</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>folder</source>
        <translation>dossier val tel quel</translation>
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
        <translation>moy. macro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>weighted avg</source>
        <translation>moy. pondérée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>true positive</source>
        <translation>vrai positif</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>false positive</source>
        <translation>faux positif</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>true negative</source>
        <translation>vrai négatif</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>false negative</source>
        <translation>faux négatif</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>train</source>
        <translation>entraînement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>val</source>
        <translation>validation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>test</source>
        <translation>test</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>load</source>
        <translation>chargement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>preprocess</source>
        <translation>prétraitement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>forward</source>
        <translation>inférence</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cam</source>
        <translation>CAM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>resample</source>
        <translation>rééchantillonnage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>total</source>
        <translation>total</translation>
    </message>
</context>
<context>
    <name>cxr::ui::ThresholdPicker</name>
    <message>
        <location filename="../ui/results/threshold_picker.cpp" line="+23"/>
        <source>Back to the chosen threshold</source>
        <translation>Revenir au seuil choisi</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Threshold on P(PNEUMONIA):</source>
        <translation>Seuil sur P(PNEUMONIA)&#xa0;:</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Chosen on the validation split by the rule “%1”: %2. Moving it here shows its effect on the test split; the exported model keeps the chosen threshold.</source>
        <translation>Choisi sur la partition de validation selon la règle «&#xa0;%1&#xa0;»&#xa0;: %2. Le déplacer ici montre son effet sur la partition de test&#xa0;; le modèle exporté garde le seuil choisi.</translation>
    </message>
</context>
<context>
    <name>cxr::ui::TrainPage</name>
    <message>
        <location filename="../ui/training/train_page.cpp" line="+48"/>
        <source>Train</source>
        <translation>Entraînement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training runs in the background; the window stays usable. Cancel keeps the best checkpoint so far, and Resume continues from the last finished epoch.</source>
        <translation>L’entraînement s’exécute en arrière-plan&#xa0;; la fenêtre reste utilisable. Annuler garde le meilleur point de contrôle obtenu, Reprendre repart de la dernière époque terminée.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Waiting to start</source>
        <translation>En attente de démarrage</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cancel training</source>
        <translation>Annuler l’entraînement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <location line="+242"/>
        <source>validating %1/%2</source>
        <translation>validation %1/%2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Warning: %1</source>
        <translation>Avertissement&#xa0;: %1</translation>
    </message>
    <message>
        <location line="-199"/>
        <source>Cancelling: stopping within the current batch…</source>
        <translation>Annulation&#xa0;: arrêt au cours du lot actuel…</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Resuming the run in %1</source>
        <translation>Reprise de l’entraînement dans %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starting a run in %1</source>
        <translation>Démarrage d’un entraînement dans %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+46"/>
        <source>Preparing…</source>
        <translation>Préparation…</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Phase %1/%2 (%3) · epoch %4 · batch %5/%6 · %7</source>
        <translation>Phase %1/%2 (%3) · époque %4 · lot %5/%6 · %7</translation>
    </message>
    <message numerus="yes">
        <location line="+44"/>
        <source>Device: %1; %2 training and %3 validation films; %n epoch(s) planned</source>
        <translation>
            <numerusform>Appareil&#xa0;: %1&#xa0;; %2 clichés d’entraînement et %3 de validation&#xa0;; %n époque prévue</numerusform>
            <numerusform>Appareil&#xa0;: %1&#xa0;; %2 clichés d’entraînement et %3 de validation&#xa0;; %n époques prévues</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Resumed at phase %1, epoch %2</source>
        <translation>Repris à la phase %1, époque %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Phase %1/%2: %3 — %4 epoch(s), lr %5, %6 trainable parameters</source>
        <translation>Phase %1/%2&#xa0;: %3 — %4 époque(s), TA %5, %6 paramètres entraînables</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Running loss %1 · running accuracy %2 · %3 images/s</source>
        <translation>Perte courante %1 · exactitude courante %2 · %3 images/s</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Phase %1 epoch %2: train loss %3 acc %4 · val loss %5 acc %6 · lr %7%8</source>
        <translation>Phase %1 époque %2&#xa0;: perte entr. %3 exact. %4 · perte val. %5 exact. %6 · TA %7%8</translation>
    </message>
    <message>
        <location line="+8"/>
        <source> · new best</source>
        <translation> · nouveau meilleur</translation>
    </message>
    <message>
        <location line="+0"/>
        <source> · no improvement %1/%2</source>
        <translation> · pas d’amélioration %1/%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Best checkpoint: phase %1 epoch %2, val loss %3</source>
        <translation>Meilleur point de contrôle&#xa0;: phase %1 époque %2, perte val. %3</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Phase %1 ended after %n epoch(s): %2</source>
        <translation>
            <numerusform>Phase %1 terminée après %n époque&#xa0;: %2</numerusform>
            <numerusform>Phase %1 terminée après %n époques&#xa0;: %2</numerusform>
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
        <translation>Terminé en %1 s. Le modèle et son rapport de test sont dans %2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Cancelled. The best checkpoint so far is kept; Resume continues the run.</source>
        <translation>Annulé. Le meilleur point de contrôle obtenu est conservé&#xa0;; Reprendre poursuit l’entraînement.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Training failed: %1</source>
        <translation>Échec de l’entraînement&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
</context>
<context>
    <name>cxr::ui::TrainingCharts</name>
    <message>
        <location filename="../ui/training/training_charts.cpp" line="+33"/>
        <source>Loss</source>
        <translation>Perte</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>cross-entropy</source>
        <translation>entropie crois.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accuracy</source>
        <translation>Exactitude</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>accuracy</source>
        <translation>exactitude</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning rate</source>
        <translation>Taux d’apprentissage</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+14"/>
        <source>learning rate</source>
        <translation>taux d’apprentissage</translation>
    </message>
    <message>
        <location line="-12"/>
        <location line="+6"/>
        <source>running, per batch</source>
        <translation>par lot</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>train loss</source>
        <translation>entraînement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>val loss</source>
        <translation>validation</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+6"/>
        <source>best checkpoint</source>
        <translation>meilleur</translation>
    </message>
    <message>
        <location line="-5"/>
        <location line="+6"/>
        <source>early stop</source>
        <translation>arrêt précoce</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>train accuracy</source>
        <translation>entraînement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>val accuracy</source>
        <translation>validation</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>epoch</source>
        <translation>époque</translation>
    </message>
    <message>
        <location line="+178"/>
        <source>Phase %1: %2</source>
        <translation>Phase %1&#xa0;: %2</translation>
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
        <translation>Entraîner un modèle de pneumonie</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Stop training?</source>
        <translation>Arrêter l’entraînement&#xa0;?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training is still running. Stop it now? The best checkpoint so far is kept and the run can be resumed later from the same output folder.</source>
        <translation>L’entraînement est en cours. L’arrêter maintenant&#xa0;? Le meilleur point de contrôle obtenu est conservé et l’entraînement pourra reprendre plus tard depuis le même dossier de sortie.</translation>
    </message>
</context>
<context>
    <name>cxr::ui::TransferBar</name>
    <message>
        <location filename="../ui/pacs/transfer_bar.cpp" line="+22"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop the retrieve; the films that arrived stay in the list</source>
        <translation>Arrêter la récupération&#xa0;; les clichés déjà arrivés restent dans la liste</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Retrieving: %1 of %2, %3</source>
        <translation>Récupération&#xa0;: %1 sur %2, %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retrieving: %1, %2</source>
        <translation>Récupération&#xa0;: %1, %2</translation>
    </message>
</context>
<context>
    <name>cxr::ui::TriagePanel</name>
    <message>
        <location filename="../ui/diagnosis/triage_panel.cpp" line="+30"/>
        <source>All films</source>
        <translation>Tous les clichés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pneumonia calls</source>
        <translation>Décision pneumonie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Normal calls</source>
        <translation>Décision normal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not analysed</source>
        <translation>Non analysés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not reviewed</source>
        <translation>Non relus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reviewer disagreed</source>
        <translation>Désaccord du relecteur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show only films with this call or review</source>
        <translation>N’afficher que les clichés avec cette décision ou cette relecture</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Show only calls by this model</source>
        <translation>N’afficher que les décisions de ce modèle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All models</source>
        <translation>Tous les modèles</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export the listed films and their calls as CSV</source>
        <translation>Exporter les clichés listés et leurs décisions en CSV</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>Export Triage List</source>
        <translation>Exporter la liste de triage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Export failed</source>
        <translation>Échec de l’export</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%n film(s)</source>
        <translation>
            <numerusform>%n cliché</numerusform>
            <numerusform>%n clichés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n pneumonia</source>
        <translation>
            <numerusform>%n pneumonie</numerusform>
            <numerusform>%n pneumonies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n failed</source>
        <translation>
            <numerusform>%n échec</numerusform>
            <numerusform>%n échecs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n waiting</source>
        <translation>
            <numerusform>%n en attente</numerusform>
            <numerusform>%n en attente</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n reviewed</source>
        <translation>
            <numerusform>%n relu</numerusform>
            <numerusform>%n relus</numerusform>
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
        <translation>✓ Accord avec la décision</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>✗ Disagreed: other (%1)</source>
        <translation>✗ Désaccord&#xa0;: autre (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>✗ Disagreed: %1</source>
        <translation>✗ Désaccord&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 — %2, %3</source>
        <translation>%1 — %2, %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note: %1</source>
        <translation>Note&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your review</source>
        <translation>Votre relecture</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>What it is instead (e.g. effusion)</source>
        <translation>Ce que c’est à la place (p.&#xa0;ex. épanchement)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Optional note</source>
        <translation>Note facultative</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Your &amp;label:</source>
        <translation>Votre é&amp;tiquette&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Other:</source>
        <translation>A&amp;utre&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Note:</source>
        <translation>&amp;Note&#xa0;:</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Other…</source>
        <translation>Autre…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Not reviewed yet. A agrees with the call, D gives your label instead.</source>
        <translation>Pas encore relu. A approuve la décision, D donne votre étiquette à la place.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The verdict buttons work once the film has a call.</source>
        <translation>Les boutons d’avis fonctionnent dès que le cliché a une décision.</translation>
    </message>
</context>
<context>
    <name>cxr::ui::WindowLevel</name>
    <message>
        <location filename="../ui/viewer/window_level.cpp" line="+81"/>
        <source>Default (from file)</source>
        <translation>Par défaut (du fichier)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Full range</source>
        <translation>Plage complète</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lung</source>
        <translation>Poumon</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bone</source>
        <translation>Os</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Custom</source>
        <translation>Personnalisé</translation>
    </message>
</context>
<context>
    <name>data.not_a_film</name>
    <message>
        <location filename="../core/common/notice_wordings.cpp" line="+48"/>
        <source>{path}: not a film (extension {extension})</source>
        <translation>{path}&#xa0;: pas un cliché (extension {extension})</translation>
    </message>
</context>
<context>
    <name>data.subfolder_ignored</name>
    <message>
        <location line="-2"/>
        <source>{path}: sub-folder ignored (films must sit directly in the class folder)</source>
        <translation>{path}&#xa0;: sous-dossier ignoré (les clichés doivent se trouver directement dans le dossier de classe)</translation>
    </message>
</context>
<context>
    <name>data.unreadable_film_left_out</name>
    <message>
        <location line="+3"/>
        <source>unreadable film left out: {film} ({reason})</source>
        <translation>cliché illisible écarté&#xa0;: {film} ({reason})</translation>
    </message>
</context>
<context>
    <name>data.unreadable_film_left_out_of_run</name>
    <message>
        <location line="+1"/>
        <source>unreadable film {film} left out ({reason}); films.csv in the run folder names it</source>
        <translation>cliché illisible {film} écarté ({reason})&#xa0;; films.csv dans le dossier de l’entraînement le nomme</translation>
    </message>
</context>
<context>
    <name>device.cpu</name>
    <message>
        <location line="+24"/>
        <source>CPU, {threads} threads</source>
        <translation>CPU, {threads} threads</translation>
    </message>
</context>
<context>
    <name>device.cuda</name>
    <message>
        <location line="+1"/>
        <source>CUDA, {devices} devices</source>
        <translation>CUDA, {devices} périphériques</translation>
    </message>
</context>
<context>
    <name>dicom.bits_stored_invalid</name>
    <message>
        <location line="-52"/>
        <source>Bits Stored {stored} is invalid; using {used}</source>
        <translation>Bits Stored {stored} est invalide&#xa0;; {used} est utilisé</translation>
    </message>
</context>
<context>
    <name>dicom.high_bit_inconsistent</name>
    <message>
        <location line="+1"/>
        <source>High Bit {stored} is inconsistent; using {used}</source>
        <translation>High Bit {stored} est incohérent&#xa0;; {used} est utilisé</translation>
    </message>
</context>
<context>
    <name>dicom.modality_lut_unreadable</name>
    <message>
        <location line="+3"/>
        <source>the Modality LUT is unreadable; using stored values</source>
        <translation>la Modality LUT est illisible&#xa0;; les valeurs stockées sont utilisées</translation>
    </message>
</context>
<context>
    <name>dicom.photometric_assumed</name>
    <message>
        <location line="-2"/>
        <source>no Photometric Interpretation in the header; assuming {photometric}</source>
        <translation>pas de Photometric Interpretation dans l’en-tête&#xa0;; {photometric} est supposé</translation>
    </message>
</context>
<context>
    <name>dicom.rescale_slope_zero</name>
    <message>
        <location line="+1"/>
        <source>Rescale Slope is 0; ignoring the rescale</source>
        <translation>Rescale Slope vaut 0&#xa0;; la remise à l’échelle est ignorée</translation>
    </message>
</context>
<context>
    <name>domain.body_part</name>
    <message>
        <location line="+6"/>
        <source>body part {part} is not the chest</source>
        <translation>la région anatomique {part} n’est pas le thorax</translation>
    </message>
</context>
<context>
    <name>domain.colour</name>
    <message>
        <location line="+1"/>
        <source>colour film ({photometric}) converted to grey: the model was trained on greyscale radiographs</source>
        <translation>cliché couleur ({photometric}) converti en niveaux de gris&#xa0;: le modèle a été entraîné sur des radiographies en niveaux de gris</translation>
    </message>
</context>
<context>
    <name>domain.lateral</name>
    <message>
        <location line="-2"/>
        <source>lateral view ({view}): the model was trained on frontal (PA/AP) films</source>
        <translation>vue de profil ({view})&#xa0;: le modèle a été entraîné sur des clichés de face (PA/AP)</translation>
    </message>
</context>
<context>
    <name>domain.modality</name>
    <message>
        <location line="-2"/>
        <source>modality {modality} is not a radiograph (CR/DX/DR): the model was trained on chest radiographs</source>
        <translation>la modalité {modality} n’est pas une radiographie (CR/DX/DR)&#xa0;: le modèle a été entraîné sur des radiographies thoraciques</translation>
    </message>
</context>
<context>
    <name>domain.patient_older</name>
    <message>
        <location line="+8"/>
        <source>patient older than the ages the model was trained on ({min}-{max} years)</source>
        <translation>patient plus âgé que la tranche d’âge sur laquelle le modèle a été entraîné ({min}–{max} ans)</translation>
    </message>
</context>
<context>
    <name>domain.patient_younger</name>
    <message>
        <location line="+1"/>
        <source>patient younger than the ages the model was trained on ({min}-{max} years)</source>
        <translation>patient plus jeune que la tranche d’âge sur laquelle le modèle a été entraîné ({min}–{max} ans)</translation>
    </message>
</context>
<context>
    <name>domain.small_film</name>
    <message>
        <location line="-3"/>
        <source>small film ({width} x {height} px, below the model&apos;s {input} px input): details are interpolated</source>
        <translation>cliché de petite taille ({width} x {height} px, sous l’entrée de {input} px du modèle)&#xa0;: les détails sont interpolés</translation>
    </message>
</context>
<context>
    <name>film.blank</name>
    <message>
        <location line="-20"/>
        <source>every pixel has the same value: the film is blank</source>
        <translation>tous les pixels ont la même valeur&#xa0;: le cliché est vide</translation>
    </message>
</context>
<context>
    <name>film.colour_image_to_grey</name>
    <message>
        <location line="+3"/>
        <source>colour image converted to grey (ITU-R BT.601 luma)</source>
        <translation>image couleur convertie en niveaux de gris (luma ITU-R BT.601)</translation>
    </message>
</context>
<context>
    <name>film.colour_to_grey</name>
    <message>
        <location line="-1"/>
        <source>colour film ({photometric}) converted to grey</source>
        <translation>cliché couleur ({photometric}) converti en niveaux de gris</translation>
    </message>
</context>
<context>
    <name>film.decoded_reduced</name>
    <message>
        <location line="+5"/>
        <source>decoded at 1/{factor} scale ({width} x {height} stored)</source>
        <translation>décodé à l’échelle 1/{factor} ({width} x {height} stockés)</translation>
    </message>
</context>
<context>
    <name>film.jpeg_truncated</name>
    <message>
        <location line="-3"/>
        <source>the JPEG data ends without its end-of-image marker (truncated?): the lower part of the film may be missing</source>
        <translation>les données JPEG se terminent sans marqueur de fin d’image (tronquées&#xa0;?)&#xa0;: la partie inférieure du cliché peut manquer</translation>
    </message>
</context>
<context>
    <name>film.multi_frame</name>
    <message>
        <location line="-3"/>
        <source>multi-frame file ({frames} frames): showing the first</source>
        <translation>fichier multi-images ({frames} images)&#xa0;: la première est affichée</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/studio/main.cpp" line="+30"/>
        <source>Chest X-ray pneumonia review. Research and teaching only, not for diagnostic use.</source>
        <translation>Revue des pneumonies sur radiographie thoracique. Recherche et enseignement uniquement, pas d’usage diagnostique.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Load this model (run folder or .pth) instead of the last one.</source>
        <translation>Charger ce modèle (dossier d’entraînement ou .pth) au lieu du dernier.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>trace, debug, info, warn, error or off.</source>
        <translation>trace, debug, info, warn, error ou off.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quit once the window is up (start-up timing).</source>
        <translation>Quitter dès que la fenêtre est affichée (mesure du démarrage).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Films or folders to open.</source>
        <translation>Clichés ou dossiers à ouvrir.</translation>
    </message>
</context>
<context>
    <name>model.chain_assumed_bundle</name>
    <message>
        <location filename="../core/common/notice_wordings.cpp" line="+27"/>
        <source>model.json of {file} does not record its preprocessing chain; assuming: {chain}</source>
        <translation>model.json de {file} n’indique pas sa chaîne de prétraitement&#xa0;; supposée&#xa0;: {chain}</translation>
    </message>
</context>
<context>
    <name>model.chain_assumed_weights</name>
    <message>
        <location line="-2"/>
        <source>the weights file {file} does not record its preprocessing chain; assuming: {chain}</source>
        <translation>le fichier de poids {file} n’indique pas sa chaîne de prétraitement&#xa0;; supposée&#xa0;: {chain}</translation>
    </message>
</context>
<context>
    <name>phase.completed</name>
    <message>
        <location line="+35"/>
        <source>completed</source>
        <translation>terminée</translation>
    </message>
</context>
<context>
    <name>phase.early_stop_phase_best</name>
    <message>
        <location line="+3"/>
        <source>early stopping (no val-loss improvement on the phase&apos;s best in {patience} epochs)</source>
        <translation>arrêt précoce (pas d’amélioration de la perte de validation par rapport au meilleur de la phase en {patience} époques)</translation>
    </message>
</context>
<context>
    <name>phase.early_stop_run_best</name>
    <message>
        <location line="-2"/>
        <source>early stopping (no val-loss improvement on the run&apos;s best in {patience} epochs)</source>
        <translation>arrêt précoce (pas d’amélioration de la perte de validation par rapport au meilleur de l’entraînement en {patience} époques)</translation>
    </message>
</context>
<context>
    <name>phase.non_finite_loss</name>
    <message>
        <location line="+4"/>
        <source>non-finite loss</source>
        <translation>perte non finie (NaN/∞)</translation>
    </message>
</context>
<context>
    <name>precision.bf16_emulated</name>
    <message>
        <location line="-10"/>
        <source>bf16 was asked for, but this processor has no bf16 instructions (AVX512-BF16 or AMX): it is emulated and slower than fp32</source>
        <translation>bf16 a été demandé, mais ce processeur n’a pas d’instructions bf16 (AVX512-BF16 ou AMX)&#xa0;: il est émulé et plus lent que fp32</translation>
    </message>
</context>
<context>
    <name>split.no_val_resplit</name>
    <message>
        <location line="-15"/>
        <source>no val folder — re-splitting train by patient, {percent}%</source>
        <translation>pas de dossier val — repartition de train par patient, {percent}&#xa0;%</translation>
    </message>
</context>
<context>
    <name>split.small_val_resplit</name>
    <message>
        <location line="-2"/>
        <source>val has {films} films — re-splitting train by patient, {percent}% (val merged into train first)</source>
        <translation>val contient {films} clichés — repartition de train par patient, {percent}&#xa0;% (val fusionné d’abord dans train)</translation>
    </message>
</context>
<context>
    <name>split.val_as_given</name>
    <message>
        <location line="-1"/>
        <source>val has {films} films — used as given</source>
        <translation>val contient {films} clichés — utilisé tel quel</translation>
    </message>
</context>
<context>
    <name>stage.decoding_films</name>
    <message>
        <location line="+42"/>
        <source>decoding films</source>
        <translation>décodage des clichés</translation>
    </message>
</context>
<context>
    <name>stage.evaluating</name>
    <message>
        <location line="+4"/>
        <source>evaluating on validation and test</source>
        <translation>évaluation sur les données de validation et de test</translation>
    </message>
</context>
<context>
    <name>stage.exporting</name>
    <message>
        <location line="+1"/>
        <source>exporting the model bundle</source>
        <translation>export du paquet du modèle</translation>
    </message>
</context>
<context>
    <name>stage.imagenet_weights</name>
    <message>
        <location line="-6"/>
        <source>ImageNet weights: {description}</source>
        <translation>poids ImageNet&#xa0;: {description}</translation>
    </message>
</context>
<context>
    <name>stage.indexing</name>
    <message>
        <location line="-1"/>
        <source>indexing the data folder</source>
        <translation>indexation du dossier de données</translation>
    </message>
</context>
<context>
    <name>stage.predicting</name>
    <message>
        <location line="+5"/>
        <source>predicting {films}</source>
        <translation>prédiction sur {films}</translation>
    </message>
</context>
<context>
    <name>stage.writing_cache</name>
    <message>
        <location line="-2"/>
        <source>writing film cache</source>
        <translation>écriture du cache de clichés</translation>
    </message>
</context>
<context>
    <name>stage.writing_synthetic</name>
    <message>
        <location line="+1"/>
        <source>writing synthetic films</source>
        <translation>écriture des clichés synthétiques</translation>
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
        <translation>phase {phase} («&#xa0;{name}&#xa0;») arrêtée&#xa0;: la perte d’entraînement est devenue {value} avant le lot {batch} sur {batches}&#xa0;; les poids de cette époque n’ont pas été enregistrés. Baissez le taux d’apprentissage ou vérifiez les clichés d’entrée</translation>
    </message>
</context>
<context>
    <name>training.loss_non_finite_step</name>
    <message>
        <location line="-4"/>
        <source>phase {phase} (&apos;{name}&apos;) stopped: the training loss became {value} at batch {batch} of {batches}; the weights of this step were not updated and not saved. Lower the learning rate or check the input films</source>
        <translation>phase {phase} («&#xa0;{name}&#xa0;») arrêtée&#xa0;: la perte d’entraînement est devenue {value} au lot {batch} sur {batches}&#xa0;; les poids de cette étape n’ont été ni mis à jour ni enregistrés. Baissez le taux d’apprentissage ou vérifiez les clichés d’entrée</translation>
    </message>
</context>
<context>
    <name>training.val_loss_non_finite</name>
    <message>
        <location line="+7"/>
        <source>phase {phase} (&apos;{name}&apos;) stopped: the validation loss became {value}; the weights of this epoch were not saved. Lower the learning rate</source>
        <translation>phase {phase} («&#xa0;{name}&#xa0;») arrêtée&#xa0;: la perte de validation est devenue {value}&#xa0;; les poids de cette époque n’ont pas été enregistrés. Baissez le taux d’apprentissage</translation>
    </message>
</context>
<context>
    <name>weights.from_scratch</name>
    <message>
        <location line="-30"/>
        <source>from scratch (random initialisation): expect lower accuracy than fine-tuning</source>
        <translation>de zéro (initialisation aléatoire)&#xa0;: exactitude attendue plus faible qu’avec un réglage fin</translation>
    </message>
</context>
<context>
    <name>weights.from_scratch_scratch_plan</name>
    <message>
        <location line="+5"/>
        <source>no ImageNet weights given (--weights resnet18.pth): training ResNet18 FROM SCRATCH. Every phase trains all layers (--plan scratch) with the phases&apos; learning rates; expect lower accuracy than ImageNet fine-tuning.</source>
        <translation>aucun poids ImageNet fourni (--weights resnet18.pth)&#xa0;: ResNet18 est entraîné DE ZÉRO. Chaque phase entraîne toutes les couches (--plan scratch) avec les taux d’apprentissage des phases&#xa0;; exactitude attendue plus faible qu’avec un réglage fin ImageNet.</translation>
    </message>
</context>
<context>
    <name>weights.from_scratch_seed_plan</name>
    <message>
        <location line="-4"/>
        <source>no ImageNet weights given (--weights resnet18.pth): training ResNet18 FROM SCRATCH. The seed&apos;s plan (--plan seed) assumes a pretrained backbone: phases 1-2 train only the head on random features, so expect much lower accuracy than with pretrained weights.</source>
        <translation>aucun poids ImageNet fourni (--weights resnet18.pth)&#xa0;: ResNet18 est entraîné DE ZÉRO. Le plan de la méthode d’origine (--plan seed) suppose un réseau pré-entraîné&#xa0;: les phases 1-2 n’entraînent que la tête sur des caractéristiques aléatoires, d’où une exactitude bien plus faible qu’avec des poids pré-entraînés.</translation>
    </message>
</context>
<context>
    <name>weights.imagenet_file</name>
    <message>
        <location line="-2"/>
        <source>ImageNet weights ({file})</source>
        <translation>poids ImageNet ({file})</translation>
    </message>
</context>
<context>
    <name>weights.unknown_provenance</name>
    <message>
        <location line="+10"/>
        <source>ImageNet weights: ImageNet-layout ResNet18 weights of unknown provenance (SHA-256 starting {sha256}, not one of torchvision&apos;s published files)</source>
        <translation>poids ImageNet&#xa0;: poids ResNet18 au format ImageNet d’origine inconnue (SHA-256 commençant par {sha256}, aucun des fichiers publiés par torchvision)</translation>
    </message>
</context>
</TS>
