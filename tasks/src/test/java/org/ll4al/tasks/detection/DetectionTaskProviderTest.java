package org.ll4al.tasks.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DetectionTaskProviderTest {

    private final DetectionTaskProvider provider = new DetectionTaskProvider();

    @Test
    void paperPresetIsTheSsd300Protocol() {
        Map<String, String> p = provider.preset("paper");
        assertEquals("detection", provider.name());
        assertEquals("300", p.get("imageSize"));
        assertEquals("1", p.get("width"));
        assertEquals("2007:trainval,2012:trainval", p.get("trainSplit"));
        assertEquals("2007:test", p.get("evalSplit"));
        assertEquals("1000", p.get("initial"));
        assertEquals("300", p.get("epochs"));
        assertEquals("240", p.get("milestones"));
        assertEquals("0.001", p.get("lr"));
        assertEquals("32", p.get("batch"));
    }

    @Test
    void cpuAndSmokePresetsAreSmallAndUnknownOnesAreListed() {
        assertEquals("40", provider.preset("smoke").get("poolLimit"));
        assertTrue(Double.parseDouble(provider.preset("cpu").get("width")) < 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> provider.preset("gpu"));
        assertTrue(e.getMessage().contains("known presets: paper, cpu, cpu-long, smoke"), e.getMessage());
        assertTrue(provider.dataHelp().contains("host.robots.ox.ac.uk/pascal/VOC/"));
    }
}
