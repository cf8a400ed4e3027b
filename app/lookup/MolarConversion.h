#pragma once
// Mass concentration <-> molar concentration with a molecular weight in g/mol:
// mmol/L = (g/L) / (g/mol) * 1000.
#include <optional>

namespace MolarConversion {

inline std::optional<double> gramsPerLitreToMillimolar(double gramsPerLitre, double gramsPerMole)
{
    if (!(gramsPerMole > 0.0))
        return std::nullopt;
    return gramsPerLitre / gramsPerMole * 1000.0;
}

inline std::optional<double> millimolarToGramsPerLitre(double millimolar, double gramsPerMole)
{
    if (!(gramsPerMole > 0.0))
        return std::nullopt;
    return millimolar * gramsPerMole / 1000.0;
}

} // namespace MolarConversion
