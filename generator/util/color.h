/* A colour as the page describes it: DeviceCMYK, or DeviceGray. */
#ifndef GW_UTIL_COLOR_H
#define GW_UTIL_COLOR_H

typedef struct gw_color {
    int    cmyk;          /* 1: DeviceCMYK c m y k; 0: DeviceGray with black amount k (1 = black) */
    double c, m, y, k;
} gw_color;
#endif
