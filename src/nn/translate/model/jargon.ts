// Technical terms a Spanish sentence keeps as they are (una GPU, la LSTM, en PyTorch). Study talk
// is full of them and the subword model has seen few: left to its pieces, "gpu" came back as
// "tío" ("g·pu"), "python" as a snake. At inference they are copy slots, written the usual way.

/** Lower-case term → how Spanish (and English) writes it. */
export const KEPT_TERMS: ReadonlyMap<string, string> = new Map(
  [
    // hardware and files
    'GPU', 'GPUs', 'CPU', 'CPUs', 'TPU', 'TPUs', 'RAM', 'VRAM', 'SSD', 'API', 'APIs', 'URL', 'URLs', 'PDF', 'PDFs',
    'CSV', 'JSON', 'HTML', 'CSS', 'SQL', 'CUDA', 'CLI', 'IDE',
    // models and methods
    'AI', 'ML', 'NLP', 'LLM', 'LLMs', 'RNN', 'RNNs', 'LSTM', 'LSTMs', 'GRU', 'GRUs', 'CNN', 'CNNs', 'MLP', 'MLPs',
    'GPT', 'BERT', 'SGD', 'MSE', 'BLEU', 'ReLU', 'GELU', 'AUC', 'ROC', 'KNN', 'SVM', 'PCA', 'GAN', 'GANs', 'VAE',
    'NMT', 'BPE', 'OOV', 'TF-IDF', 'AdamW', 'ChatGPT', 'OpenAI',
    // tools and places
    'PyTorch', 'TensorFlow', 'Keras', 'NumPy', 'SciPy', 'sklearn', 'scikit-learn', 'matplotlib', 'Jupyter', 'Colab',
    'GitHub', 'Kaggle', 'Python', 'JavaScript', 'TypeScript', 'Linux', 'MNIST', 'ImageNet', 'Wikipedia', 'YouTube',
    // "ok" alone came back as a name
    'OK',
    // not "slack", "zoom" or "canvas": everyday English words too
    'Discord', 'HuggingFace', 'LaTeX', 'Overleaf', 'Moodle',
  ].map((t) => [t.toLowerCase(), t]),
);

/** The usual spelling of a kept term typed in any case ("gpu" → "GPU"), else undefined. */
export function keptTerm(word: string): string | undefined {
  return KEPT_TERMS.get(word.toLowerCase());
}
