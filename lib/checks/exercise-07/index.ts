/** The checks of exercise 7, in catalogue order: each lives in its own folder beside this file. */
export { EXERCISE_07_CHECKS } from "../exercise-07-sts";
