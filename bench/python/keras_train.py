"""One contender of `npm run bench:train`: Keras 3 on TensorFlow (CPU, no XLA).

Trains one of the benchmark's models on the MNIST digits bench:train wrote as
.npy files (the same 8,000 training and 2,000 test digits nn trains on), with
the same batch, optimizer and epochs, each epoch with its test evaluation as
nn's runs do, and prints one JSON line: training samples per second and the
final test accuracy. The models are bench/train/models.nn's and
examples/resnet.nn's ResNetSmall, written as a Keras user would.

    python keras_train.py --workload mlp|cnn|resnet --data DIR --epochs N [--batch 64]
"""

import argparse
import json
import os
import time

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402
import keras  # noqa: E402
from keras import layers  # noqa: E402

# nn's BatchNorm defaults are PyTorch's: 0.1 of the new batch, i.e. Keras' 0.9
BATCH_NORM = dict(momentum=0.9, epsilon=1e-5)


def mlp():
    return keras.Sequential([
        keras.Input((784,)),
        layers.Dense(128, activation="relu"),
        layers.Dense(10, activation="softmax"),
    ])


def cnn():
    return keras.Sequential([
        keras.Input((28, 28, 1)),
        layers.Conv2D(32, 3, padding="same", activation="relu"),
        layers.MaxPooling2D(2),
        layers.Conv2D(64, 3, padding="same", activation="relu"),
        layers.MaxPooling2D(2),
        layers.Flatten(),
        layers.Dense(128, activation="relu"),
        layers.Dense(10, activation="softmax"),
    ])


def basic_block(x, filters, stride):
    f = layers.Conv2D(filters, 3, strides=stride, padding="same", use_bias=False)(x)
    f = layers.ReLU()(layers.BatchNormalization(**BATCH_NORM)(f))
    f = layers.Conv2D(filters, 3, padding="same", use_bias=False)(f)
    f = layers.BatchNormalization(**BATCH_NORM)(f)
    shortcut = x
    if stride != 1 or x.shape[-1] != filters:
        shortcut = layers.Conv2D(filters, 1, strides=stride, use_bias=False)(x)
        shortcut = layers.BatchNormalization(**BATCH_NORM)(shortcut)
    return layers.ReLU()(layers.Add()([f, shortcut]))


def resnet_small():
    image = keras.Input((28, 28, 1))
    x = layers.Conv2D(16, 3, padding="same", use_bias=False)(image)
    x = layers.ReLU()(layers.BatchNormalization(**BATCH_NORM)(x))
    x = basic_block(x, 16, 1)
    x = basic_block(x, 32, 2)
    x = basic_block(x, 64, 2)
    x = layers.GlobalAveragePooling2D()(x)
    return keras.Model(image, layers.Dense(10, activation="softmax")(x))


MODELS = {"mlp": mlp, "cnn": cnn, "resnet": resnet_small}


def load(data, name, flat):
    images = np.load(os.path.join(data, f"{name}_images.npy"))
    labels = np.load(os.path.join(data, f"{name}_labels.npy"))
    return (images.reshape(len(images), 784) if flat else images), labels


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--workload", choices=MODELS, required=True)
    parser.add_argument("--data", required=True)
    parser.add_argument("--epochs", type=int, required=True)
    parser.add_argument("--batch", type=int, default=64)
    args = parser.parse_args()
    flat = args.workload == "mlp"
    x, y = load(args.data, "train", flat)
    x_test, y_test = load(args.data, "test", flat)
    keras.utils.set_random_seed(1)

    model = MODELS[args.workload]()
    model.compile(optimizer=keras.optimizers.Adam(0.001), loss="sparse_categorical_crossentropy",
                  metrics=["accuracy"], jit_compile=False)
    started = time.perf_counter()
    history = model.fit(x, y, batch_size=args.batch, epochs=args.epochs, shuffle=True,
                        validation_data=(x_test, y_test), verbose=0)
    seconds = time.perf_counter() - started
    print(json.dumps({
        "samples_per_second": len(x) * args.epochs / seconds,
        "test_accuracy": float(history.history["val_accuracy"][-1]),
        "seconds": seconds,
        "versions": f"Keras {keras.__version__} / TF {tf.__version__}",
    }))


if __name__ == "__main__":
    main()
