# Generates classification_report.txt: scikit-learn's classification_report for the hand-made
# predictions used by ClassificationInterpretationTest, called the way fastai's
# print_classification_report calls it (labels = all vocab indices, target_names = vocab).
# Run with Debian's /usr/bin/python3 (scikit-learn 1.2.1 was used).
import sklearn.metrics as skm

vocab = ["cat", "dog", "eel"]
targets = [0, 0, 0, 0, 1, 1, 1, 2, 2, 2]
decoded = [0, 0, 1, 2, 1, 1, 0, 2, 1, 1]
with open("classification_report.txt", "w") as f:
    f.write(skm.classification_report(targets, decoded, labels=[0, 1, 2], target_names=vocab))
# Python's f'{x:.2f}' of a few ties, for the formatting check
print([f"{x:.2f}" for x in (0.125, 2.675, 0.375, 1.005)])
