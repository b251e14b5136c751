/** The checks of exercise 9, in catalogue order: each lives in its own folder beside this file. */
export { EXERCISE_09_CHECKS } from "../exercise-09-allow";
