// Differential wire test of every ecs operation: our generated package vs the official SDK (see src/productSuite.ts).
import { productSuite } from "../src/productSuite.js";

productSuite("ecs");
