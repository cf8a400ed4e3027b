#pragma once
// Where one value lives on a Modbus device: register address, table and format, as a station file gives it.
#include "ModbusValue.h"

struct ModbusPoint
{
    int address = 0;    // register address on the wire (0-based)
    bool input = false; // input register table (function 4) instead of holding registers (function 3)
    ModbusValue format;
};
