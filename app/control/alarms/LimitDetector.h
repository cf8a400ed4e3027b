#pragma once
// A high or low limit with deadband, on-delay and off-delay, evaluated on timed samples. The value must stay
// beyond the limit for onDelayMs before the condition becomes active (a shorter spike raises nothing), and
// back inside the limit by more than the deadband for offDelayMs before it clears (noise around the limit
// raises one alarm, not hundreds).
#include <QtGlobal>

struct LimitSettings
{
    enum class Direction
    {
        High,
        Low
    };
    Direction direction = Direction::High;
    double limit = 0.0;
    double deadband = 0.0;
    qint64 onDelayMs = 0;
    qint64 offDelayMs = 0;
};

class LimitDetector
{
public:
    explicit LimitDetector(const LimitSettings &settings = {}) : m_settings(settings) {}

    const LimitSettings &settings() const { return m_settings; }
    void setSettings(const LimitSettings &settings) { m_settings = settings; }
    bool active() const { return m_active; }
    // Feeds one sample; returns whether the condition is active afterwards.
    bool update(double value, qint64 timeMs);

private:
    LimitSettings m_settings;
    bool m_active = false;
    qint64 m_pendingSinceMs = -1; // when the present run of samples pointing the other way began
};
