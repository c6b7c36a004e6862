#!/usr/bin/env python3
"""Reference parameter counts for the models used in the test suite.

Builds every model with random initialisation (weights=None; nothing is ever
downloaded) and prints a JSON object:

    name -> {"params", "trainableParams", "nonTrainableParams", "source"}

Conventions (chosen to match Keras' model.summary()):
  * params            = trainableParams + nonTrainableParams
  * trainableParams   = sum of numel() of every nn.Parameter
  * nonTrainableParams = BatchNorm running_mean + running_var (2*C per BN);
                         num_batches_tracked is NOT counted.  Other buffers
                         (e.g. SAM's random-Fourier PE matrix, pixel_mean/std)
                         are NOT counted.

Requirements: torch, torchvision.  segment_anything is used if importable;
otherwise an in-file re-creation of the official SAM ViT-B module tree (same
module/parameter names and shapes as facebookresearch/segment-anything's
modeling code) is used, and the "source" field says which.

Usage:  python compute_params.py > params.json
"""

import json
import sys
import types

import torch
import torch.nn as nn


# --------------------------------------------------------------------------
# torchvision import (with a shim for a CUDA torchvision wheel paired with a
# CPU-only torch: its compiled ops fail to load, which only breaks the
# fake-op registrations, not the pure-Python model definitions).
# --------------------------------------------------------------------------
def _import_torchvision():
    try:
        import torchvision  # noqa: F401
        return torchvision
    except Exception:  # pragma: no cover - environment dependent
        for k in list(sys.modules):
            if k == "torchvision" or k.startswith("torchvision."):
                del sys.modules[k]
        sys.modules["torchvision._meta_registrations"] = types.ModuleType(
            "torchvision._meta_registrations"
        )
        import torchvision  # noqa: F811
        return torchvision


torchvision = _import_torchvision()
tvm = torchvision.models


# --------------------------------------------------------------------------
# counting
# --------------------------------------------------------------------------
_BN_TYPES = (nn.BatchNorm1d, nn.BatchNorm2d, nn.BatchNorm3d)


def count(module, source):
    trainable = sum(p.numel() for p in module.parameters() if p.requires_grad)
    frozen = sum(p.numel() for p in module.parameters() if not p.requires_grad)
    non_trainable = frozen
    for m in module.modules():
        if isinstance(m, _BN_TYPES) and m.track_running_stats:
            non_trainable += m.running_mean.numel() + m.running_var.numel()
    return {
        "params": trainable + non_trainable,
        "trainableParams": trainable,
        "nonTrainableParams": non_trainable,
        "source": source,
    }


def count_tensor(t, source):
    n = t.numel()
    return {"params": n, "trainableParams": n, "nonTrainableParams": 0, "source": source}


# --------------------------------------------------------------------------
# small hand-written models
# --------------------------------------------------------------------------
def mlp():
    return nn.Sequential(nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 10))


def rcnn():
    m = tvm.alexnet(weights=None)
    m.classifier[6] = nn.Linear(4096, 21)
    return m


def yolov1():
    """YOLOv1 (Redmon et al. 2016, Fig. 3): 24 conv layers (bias, no BN)."""
    # (kernel, out_channels, stride) ; "M" = maxpool 2x2 s2
    cfg = [
        (7, 64, 2), "M",
        (3, 192, 1), "M",
        (1, 128, 1), (3, 256, 1), (1, 256, 1), (3, 512, 1), "M",
        *[(1, 256, 1), (3, 512, 1)] * 4, (1, 512, 1), (3, 1024, 1), "M",
        *[(1, 512, 1), (3, 1024, 1)] * 2, (3, 1024, 1), (3, 1024, 2),
        (3, 1024, 1), (3, 1024, 1),
    ]
    layers, c = [], 3
    n_conv = 0
    for item in cfg:
        if item == "M":
            layers.append(nn.MaxPool2d(2, 2))
        else:
            k, out, s = item
            layers += [nn.Conv2d(c, out, k, stride=s, padding=k // 2, bias=True),
                       nn.LeakyReLU(0.1)]
            c = out
            n_conv += 1
    assert n_conv == 24, n_conv
    features = nn.Sequential(*layers)
    head = nn.Sequential(
        nn.Flatten(),
        nn.Linear(7 * 7 * 1024, 4096),
        nn.LeakyReLU(0.1),
        nn.Dropout(0.5),
        nn.Linear(4096, 7 * 7 * 30),
    )
    return features, head


def gan_generator():
    return nn.Sequential(
        nn.Linear(100, 256), nn.LeakyReLU(0.2),
        nn.Linear(256, 512), nn.LeakyReLU(0.2),
        nn.Linear(512, 1024), nn.LeakyReLU(0.2),
        nn.Linear(1024, 784), nn.Tanh(),
    )


def gan_discriminator():
    return nn.Sequential(
        nn.Linear(784, 512), nn.LeakyReLU(0.2),
        nn.Linear(512, 256), nn.LeakyReLU(0.2),
        nn.Linear(256, 1), nn.Sigmoid(),
    )


class TransformerVocab(nn.Module):
    """nn.Transformer() + one shared Embedding(37000,512) + Linear(512,37000)."""

    def __init__(self, vocab=37000, d_model=512):
        super().__init__()
        self.core = nn.Transformer()
        self.embed = nn.Embedding(vocab, d_model)  # shared src/tgt
        self.out = nn.Linear(d_model, vocab, bias=True)  # not tied
        # sinusoidal positional encoding: no parameters


# --------------------------------------------------------------------------
# SAM ViT-B: parameter-faithful re-creation of the official module tree
# (used only when `segment_anything` is not installed).  Forward passes are
# not needed for counting and are omitted; module and parameter names match
# the official implementation so named_parameters() listings line up.
# --------------------------------------------------------------------------
class _LayerNorm2d(nn.Module):
    def __init__(self, c, eps=1e-6):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(c))
        self.bias = nn.Parameter(torch.zeros(c))
        self.eps = eps


class _MLPBlock(nn.Module):
    def __init__(self, dim, hidden, act=nn.GELU):
        super().__init__()
        self.lin1 = nn.Linear(dim, hidden)
        self.lin2 = nn.Linear(hidden, dim)
        self.act = act()


class _PatchEmbed(nn.Module):
    def __init__(self, patch, in_chans, dim):
        super().__init__()
        self.proj = nn.Conv2d(in_chans, dim, kernel_size=patch, stride=patch)


class _ViTAttention(nn.Module):
    def __init__(self, dim, heads, input_size):
        super().__init__()
        head_dim = dim // heads
        self.qkv = nn.Linear(dim, dim * 3, bias=True)
        self.proj = nn.Linear(dim, dim)
        self.rel_pos_h = nn.Parameter(torch.zeros(2 * input_size[0] - 1, head_dim))
        self.rel_pos_w = nn.Parameter(torch.zeros(2 * input_size[1] - 1, head_dim))


class _ViTBlock(nn.Module):
    def __init__(self, dim, heads, mlp_ratio, window_size, input_size):
        super().__init__()
        self.norm1 = nn.LayerNorm(dim, eps=1e-6)
        self.attn = _ViTAttention(
            dim, heads, input_size if window_size == 0 else (window_size, window_size)
        )
        self.norm2 = nn.LayerNorm(dim, eps=1e-6)
        self.mlp = _MLPBlock(dim, int(dim * mlp_ratio))
        self.window_size = window_size


class _ImageEncoderViT(nn.Module):
    def __init__(self, img_size=1024, patch_size=16, in_chans=3, embed_dim=768,
                 depth=12, num_heads=12, mlp_ratio=4.0, out_chans=256,
                 window_size=14, global_attn_indexes=(2, 5, 8, 11)):
        super().__init__()
        g = img_size // patch_size
        self.patch_embed = _PatchEmbed(patch_size, in_chans, embed_dim)
        self.pos_embed = nn.Parameter(torch.zeros(1, g, g, embed_dim))
        self.blocks = nn.ModuleList(
            _ViTBlock(embed_dim, num_heads, mlp_ratio,
                      0 if i in global_attn_indexes else window_size, (g, g))
            for i in range(depth)
        )
        self.neck = nn.Sequential(
            nn.Conv2d(embed_dim, out_chans, kernel_size=1, bias=False),
            _LayerNorm2d(out_chans),
            nn.Conv2d(out_chans, out_chans, kernel_size=3, padding=1, bias=False),
            _LayerNorm2d(out_chans),
        )


class _PositionEmbeddingRandom(nn.Module):
    def __init__(self, num_pos_feats):
        super().__init__()
        self.register_buffer("positional_encoding_gaussian_matrix",
                             torch.randn((2, num_pos_feats)))


class _PromptEncoder(nn.Module):
    def __init__(self, embed_dim=256, mask_in_chans=16):
        super().__init__()
        self.pe_layer = _PositionEmbeddingRandom(embed_dim // 2)
        self.point_embeddings = nn.ModuleList(nn.Embedding(1, embed_dim) for _ in range(4))
        self.not_a_point_embed = nn.Embedding(1, embed_dim)
        self.mask_downscaling = nn.Sequential(
            nn.Conv2d(1, mask_in_chans // 4, kernel_size=2, stride=2),
            _LayerNorm2d(mask_in_chans // 4),
            nn.GELU(),
            nn.Conv2d(mask_in_chans // 4, mask_in_chans, kernel_size=2, stride=2),
            _LayerNorm2d(mask_in_chans),
            nn.GELU(),
            nn.Conv2d(mask_in_chans, embed_dim, kernel_size=1),
        )
        self.no_mask_embed = nn.Embedding(1, embed_dim)


class _DownAttention(nn.Module):
    def __init__(self, dim, heads, downsample_rate=1):
        super().__init__()
        internal = dim // downsample_rate
        assert internal % heads == 0
        self.q_proj = nn.Linear(dim, internal)
        self.k_proj = nn.Linear(dim, internal)
        self.v_proj = nn.Linear(dim, internal)
        self.out_proj = nn.Linear(internal, dim)


class _TwoWayAttentionBlock(nn.Module):
    def __init__(self, dim, heads, mlp_dim, rate=2):
        super().__init__()
        self.self_attn = _DownAttention(dim, heads)
        self.norm1 = nn.LayerNorm(dim)
        self.cross_attn_token_to_image = _DownAttention(dim, heads, rate)
        self.norm2 = nn.LayerNorm(dim)
        self.mlp = _MLPBlock(dim, mlp_dim, nn.ReLU)
        self.norm3 = nn.LayerNorm(dim)
        self.norm4 = nn.LayerNorm(dim)
        self.cross_attn_image_to_token = _DownAttention(dim, heads, rate)


class _TwoWayTransformer(nn.Module):
    def __init__(self, depth=2, dim=256, heads=8, mlp_dim=2048, rate=2):
        super().__init__()
        self.layers = nn.ModuleList(
            _TwoWayAttentionBlock(dim, heads, mlp_dim, rate) for _ in range(depth)
        )
        self.final_attn_token_to_image = _DownAttention(dim, heads, rate)
        self.norm_final_attn = nn.LayerNorm(dim)


class _MLP(nn.Module):
    def __init__(self, in_dim, hidden, out_dim, num_layers):
        super().__init__()
        h = [hidden] * (num_layers - 1)
        self.layers = nn.ModuleList(
            nn.Linear(n, k) for n, k in zip([in_dim] + h, h + [out_dim])
        )


class _MaskDecoder(nn.Module):
    def __init__(self, dim=256, num_multimask_outputs=3, iou_head_depth=3,
                 iou_head_hidden_dim=256):
        super().__init__()
        self.transformer = _TwoWayTransformer(2, dim, 8, 2048, 2)
        self.iou_token = nn.Embedding(1, dim)
        n_tok = num_multimask_outputs + 1
        self.mask_tokens = nn.Embedding(n_tok, dim)
        self.output_upscaling = nn.Sequential(
            nn.ConvTranspose2d(dim, dim // 4, kernel_size=2, stride=2),
            _LayerNorm2d(dim // 4),
            nn.GELU(),
            nn.ConvTranspose2d(dim // 4, dim // 8, kernel_size=2, stride=2),
            nn.GELU(),
        )
        self.output_hypernetworks_mlps = nn.ModuleList(
            _MLP(dim, dim, dim // 8, 3) for _ in range(n_tok)
        )
        self.iou_prediction_head = _MLP(dim, iou_head_hidden_dim, n_tok, iou_head_depth)


class _Sam(nn.Module):
    def __init__(self):
        super().__init__()
        self.image_encoder = _ImageEncoderViT()
        self.prompt_encoder = _PromptEncoder()
        self.mask_decoder = _MaskDecoder()
        self.register_buffer("pixel_mean", torch.tensor([123.675, 116.28, 103.53]).view(-1, 1, 1), False)
        self.register_buffer("pixel_std", torch.tensor([58.395, 57.12, 57.375]).view(-1, 1, 1), False)


def build_sam_vit_b():
    try:
        from segment_anything import build_sam_vit_b as official
        return official(checkpoint=None), (
            "segment_anything.build_sam_vit_b(checkpoint=None) (official package)"
        )
    except ImportError:
        return _Sam(), (
            "in-file re-creation of facebookresearch/segment-anything build_sam_vit_b "
            "(segment_anything not installable here): ImageEncoderViT(embed_dim=768, depth=12, "
            "num_heads=12, global_attn_indexes=[2,5,8,11], window_size=14, use_rel_pos=True, "
            "qkv_bias=True, mlp_ratio=4, out_chans=256, img_size=1024, patch_size=16), "
            "PromptEncoder(embed_dim=256, image_embedding_size=(64,64), mask_in_chans=16), "
            "MaskDecoder(TwoWayTransformer(depth=2, embedding_dim=256, mlp_dim=2048, num_heads=8, "
            "attention_downsample_rate=2), num_multimask_outputs=3, iou_head_depth=3, "
            "iou_head_hidden_dim=256)"
        )


def listing(module, prefix=""):
    return [f"{prefix}{n} {tuple(p.shape)}" for n, p in module.named_parameters()]


# --------------------------------------------------------------------------
def main():
    torch.manual_seed(0)
    out = {}

    out["MLP"] = count(mlp(), "nn.Sequential(nn.Linear(784,128), nn.ReLU(), nn.Linear(128,10))")
    out["VGG11"] = count(tvm.vgg11(weights=None), "torchvision.models.vgg11(weights=None) (no BN, num_classes=1000)")
    out["VGG16"] = count(tvm.vgg16(weights=None), "torchvision.models.vgg16(weights=None) (no BN, num_classes=1000)")
    for name, fn in (("ResNet18", "resnet18"), ("ResNet34", "resnet34"), ("ResNet50", "resnet50")):
        out[name] = count(getattr(tvm, fn)(weights=None),
                          f"torchvision.models.{fn}(weights=None) (num_classes=1000; BN non-trainable = running_mean+running_var)")
    out["AlexNet"] = count(tvm.alexnet(weights=None), "torchvision.models.alexnet(weights=None) (num_classes=1000)")
    out["RCNN"] = count(rcnn(), "torchvision.models.alexnet(weights=None) with classifier[6] replaced by nn.Linear(4096, 21) (AlexNet features + fc6 4096 + fc7 4096 + 21-way head)")

    feats, head = yolov1()
    with torch.no_grad():
        fm = feats(torch.zeros(1, 3, 448, 448))
    assert tuple(fm.shape) == (1, 1024, 7, 7), fm.shape
    yolo = nn.Sequential(feats, head)
    with torch.no_grad():
        y = yolo(torch.zeros(1, 3, 448, 448))
    assert tuple(y.shape) == (1, 7 * 7 * 30), y.shape
    out["YOLOv1"] = count(yolo, "YOLOv1 paper Fig.3: 24 Conv2d (bias, no BN, padding=k//2): 7x7x64s2,M,3x3x192,M,1x1x128,3x3x256,1x1x256,3x3x512,M,(1x1x256,3x3x512)x4,1x1x512,3x3x1024,M,(1x1x512,3x3x1024)x2,3x3x1024,3x3x1024s2,3x3x1024,3x3x1024; Flatten(7*7*1024) -> Linear(50176,4096) -> Dropout -> Linear(4096,1470); forward of 1x3x448x448 verified feature map 1x1024x7x7")
    out["YOLOv1.features"] = count(feats, "YOLOv1 24 conv layers only (no FC head)")
    out["YOLOv1.head"] = count(head, "YOLOv1 head: Linear(7*7*1024,4096) + Linear(4096,7*7*30)")

    out["GAN.Generator"] = count(gan_generator(), "Linear(100,256), Linear(256,512), Linear(512,1024), Linear(1024,784) with parameter-free activations")
    out["GAN.Discriminator"] = count(gan_discriminator(), "Linear(784,512), Linear(512,256), Linear(256,1) with parameter-free activations")

    out["MultiHeadAttention_512_8"] = count(nn.MultiheadAttention(512, 8), "torch.nn.MultiheadAttention(512, 8) (bias=True: in_proj 3*512*512+3*512, out_proj 512*512+512)")
    out["TransformerEncoderLayer_512_8_2048"] = count(nn.TransformerEncoderLayer(512, 8, 2048), "torch.nn.TransformerEncoderLayer(512, 8, 2048): self-attn MHA + Linear(512,2048) + Linear(2048,512) + 2 LayerNorm(512)")
    out["TransformerDecoderLayer_512_8_2048"] = count(nn.TransformerDecoderLayer(512, 8, 2048), "torch.nn.TransformerDecoderLayer(512, 8, 2048): self-attn MHA + cross-attn MHA + Linear(512,2048) + Linear(2048,512) + 3 LayerNorm(512)")
    core = nn.Transformer()
    out["TransformerCore"] = count(core, "torch.nn.Transformer() defaults: d_model=512, nhead=8, 6 encoder + 6 decoder layers, dim_feedforward=2048, incl. final encoder and decoder LayerNorm(512)")
    tv = TransformerVocab()
    core_n = out["TransformerCore"]["params"]
    out["Transformer_vocab37000"] = count(tv, f"TransformerCore + shared nn.Embedding(37000,512) + nn.Linear(512,37000,bias=True) (untied); sinusoidal PE has no params. Formula: {core_n} + 37000*512 + (512*37000 + 37000) = {core_n} + 18944000 + 18981000")
    assert out["Transformer_vocab37000"]["params"] == core_n + 37000 * 512 + 512 * 37000 + 37000

    sam, sam_src = build_sam_vit_b()
    out["SAM_ViT_B"] = count(sam, sam_src + "; buffers not counted (pe_layer.positional_encoding_gaussian_matrix 2x128=256, pixel_mean/std)")
    ie, pe, md = sam.image_encoder, sam.prompt_encoder, sam.mask_decoder
    out["SAM_ViT_B.image_encoder"] = count(ie, "sam.image_encoder (ImageEncoderViT, ViT-B)")
    out["SAM_ViT_B.prompt_encoder"] = count(pe, "sam.prompt_encoder (PromptEncoder); pe_layer gaussian matrix (2,128) is a buffer, not counted")
    out["SAM_ViT_B.mask_decoder"] = count(md, "sam.mask_decoder (MaskDecoder + TwoWayTransformer)")

    gidx = [2, 5, 8, 11]
    assert ie.blocks[0].attn.rel_pos_h.shape[0] == 27 and ie.blocks[2].attn.rel_pos_h.shape[0] == 127
    out["SAM_ViT_B.image_encoder.patch_embed"] = count(ie.patch_embed, "Conv2d(3,768,k=16,s=16) with bias")
    out["SAM_ViT_B.image_encoder.pos_embed"] = count_tensor(ie.pos_embed, "absolute pos_embed Parameter (1,64,64,768)")
    out["SAM_ViT_B.image_encoder.block_windowed"] = count(ie.blocks[0], "one windowed block (blocks 0,1,3,4,6,7,9,10): window 14 -> rel_pos_h/w (27,64)")
    out["SAM_ViT_B.image_encoder.block_global"] = count(ie.blocks[2], "one global block (blocks 2,5,8,11): 64x64 grid -> rel_pos_h/w (127,64)")
    out["SAM_ViT_B.image_encoder.blocks"] = count(ie.blocks, "all 12 blocks = 8 windowed + 4 global")
    out["SAM_ViT_B.image_encoder.neck"] = count(ie.neck, "Conv2d(768,256,1,bias=False), LayerNorm2d(256), Conv2d(256,256,3,pad=1,bias=False), LayerNorm2d(256)")

    out["SAM_ViT_B.prompt_encoder.pe_layer"] = count(pe.pe_layer, "PositionEmbeddingRandom(128): only a (2,128) buffer, 0 params")
    out["SAM_ViT_B.prompt_encoder.point_embeddings"] = count(pe.point_embeddings, "4 x nn.Embedding(1,256)")
    out["SAM_ViT_B.prompt_encoder.not_a_point_embed"] = count(pe.not_a_point_embed, "nn.Embedding(1,256)")
    out["SAM_ViT_B.prompt_encoder.mask_downscaling"] = count(pe.mask_downscaling, "Conv2d(1,4,2,s2), LayerNorm2d(4), GELU, Conv2d(4,16,2,s2), LayerNorm2d(16), GELU, Conv2d(16,256,1)")
    out["SAM_ViT_B.prompt_encoder.no_mask_embed"] = count(pe.no_mask_embed, "nn.Embedding(1,256)")

    tr = md.transformer
    out["SAM_ViT_B.mask_decoder.transformer"] = count(tr, "TwoWayTransformer(depth=2, embedding_dim=256, num_heads=8, mlp_dim=2048, attention_downsample_rate=2)")
    out["SAM_ViT_B.mask_decoder.transformer.layer"] = count(tr.layers[0], "one TwoWayAttentionBlock (both layers identical in params)")
    out["SAM_ViT_B.mask_decoder.transformer.final_attn_token_to_image"] = count(tr.final_attn_token_to_image, "Attention(256, 8, downsample_rate=2): q/k/v Linear(256,128), out Linear(128,256)")
    out["SAM_ViT_B.mask_decoder.transformer.norm_final_attn"] = count(tr.norm_final_attn, "LayerNorm(256)")
    out["SAM_ViT_B.mask_decoder.output_upscaling"] = count(md.output_upscaling, "ConvTranspose2d(256,64,2,s2), LayerNorm2d(64), GELU, ConvTranspose2d(64,32,2,s2), GELU")
    out["SAM_ViT_B.mask_decoder.output_hypernetworks_mlps"] = count(md.output_hypernetworks_mlps, "4 x MLP(256,256,32,3): Linear(256,256), Linear(256,256), Linear(256,32)")
    out["SAM_ViT_B.mask_decoder.iou_prediction_head"] = count(md.iou_prediction_head, "MLP(256,256,4,3): Linear(256,256), Linear(256,256), Linear(256,4)")
    out["SAM_ViT_B.mask_decoder.iou_token"] = count(md.iou_token, "nn.Embedding(1,256)")
    out["SAM_ViT_B.mask_decoder.mask_tokens"] = count(md.mask_tokens, "nn.Embedding(4,256)")

    # sanity: breakdowns add up
    s = lambda *ks: sum(out[k]["params"] for k in ks)
    assert out["SAM_ViT_B.image_encoder"]["params"] == s(
        "SAM_ViT_B.image_encoder.patch_embed", "SAM_ViT_B.image_encoder.pos_embed",
        "SAM_ViT_B.image_encoder.neck") + 8 * out["SAM_ViT_B.image_encoder.block_windowed"]["params"] + 4 * out["SAM_ViT_B.image_encoder.block_global"]["params"]
    assert out["SAM_ViT_B.prompt_encoder"]["params"] == s(
        "SAM_ViT_B.prompt_encoder.point_embeddings", "SAM_ViT_B.prompt_encoder.not_a_point_embed",
        "SAM_ViT_B.prompt_encoder.mask_downscaling", "SAM_ViT_B.prompt_encoder.no_mask_embed")
    assert out["SAM_ViT_B.mask_decoder"]["params"] == s(
        "SAM_ViT_B.mask_decoder.transformer", "SAM_ViT_B.mask_decoder.output_upscaling",
        "SAM_ViT_B.mask_decoder.output_hypernetworks_mlps", "SAM_ViT_B.mask_decoder.iou_prediction_head",
        "SAM_ViT_B.mask_decoder.iou_token", "SAM_ViT_B.mask_decoder.mask_tokens")
    assert out["SAM_ViT_B"]["params"] == s("SAM_ViT_B.image_encoder", "SAM_ViT_B.prompt_encoder", "SAM_ViT_B.mask_decoder")

    if "--listing" in sys.argv:
        lines = []
        lines += ["# image_encoder.patch_embed / pos_embed"] + listing(ie.patch_embed, "image_encoder.patch_embed.") + [f"image_encoder.pos_embed {tuple(ie.pos_embed.shape)}"]
        lines += ["# image_encoder.blocks.0 (windowed)"] + listing(ie.blocks[0], "image_encoder.blocks.0.")
        lines += ["# image_encoder.blocks.2 (global)"] + listing(ie.blocks[2], "image_encoder.blocks.2.")
        lines += ["# image_encoder.neck"] + listing(ie.neck, "image_encoder.neck.")
        lines += ["# prompt_encoder (parameters)"] + listing(pe, "prompt_encoder.")
        lines += ["# prompt_encoder (buffers, NOT parameters)"] + [f"prompt_encoder.{n} {tuple(b.shape)}" for n, b in pe.named_buffers()]
        lines += ["# mask_decoder"] + listing(md, "mask_decoder.")
        print("\n".join(lines))
        return

    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
